using Prescriptions.Functions;
using Prescriptions.LocalHost.DevTokens;

namespace Prescriptions.LocalHost;

/// <summary>Hosts the function app's classes on Kestrel, as the Functions host would.</summary>
public static class LocalFunctionsHost
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? DefaultUrl);
        builder.Services.AddPrescriptions(builder.Configuration);
        if (builder.Environment.IsDevelopment())
        {
            builder.AddDevTokens();
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevTokens();
        }

        return app;
    }
}
