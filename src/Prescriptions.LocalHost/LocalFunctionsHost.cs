using Prescriptions.Functions;
using Microsoft.Extensions.Options;
using Prescriptions.LocalHost.DevTokens;
using Prescriptions.LocalHost.Portal;

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
            if (app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value.PortalRoot is { Length: > 0 } portalRoot)
            {
                app.MapPortal(portalRoot, LocalFunctionsHostExtensions.RoutePrefix(app.Services));
            }
        }

        return app;
    }
}
