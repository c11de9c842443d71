using Prescriptions.Functions;
using Prescriptions.LocalHost.DevTokens;

namespace Prescriptions.LocalHost;

/// <summary>Hosts the function app's classes on Kestrel, as the Functions host would.</summary>
public static class LocalFunctionsHost
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// Builds the host. <paramref name="configure"/> runs after the default registrations, so it can add configuration,
    /// replace services (a fake TimeProvider) or host other functions (<see cref="LocalFunctionsHostExtensions.UseFunctions"/>).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddLocalSettingsValues();
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? DefaultUrl);
        builder.Services.AddPrescriptions(builder.Configuration);
        builder.Services.AddLocalFunctionsHost();
        if (builder.Environment.IsDevelopment())
        {
            builder.AddDevTokens();
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapLocalFunctions();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevTokens();
        }

        return app;
    }
}
