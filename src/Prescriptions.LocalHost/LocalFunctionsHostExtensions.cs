using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Configuration;
using Prescriptions.LocalHost.Admin;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Http;
using Prescriptions.LocalHost.Timers;

namespace Prescriptions.LocalHost;

/// <summary>Registration and mapping of the local host's parts; <see cref="LocalFunctionsHost.Build"/> calls them.</summary>
public static class LocalFunctionsHostExtensions
{
    /// <summary>Registers the function catalog (the function app's assembly), the timer scheduler and MVC's result executors.</summary>
    public static IServiceCollection AddLocalFunctionsHost(this IServiceCollection services)
    {
        services.AddValidatedOptions<LocalHostOptions>(LocalHostOptions.SectionName);
        // Functions return IActionResult (ObjectResult, ...); executing those needs MVC's executors and formatters,
        // which the worker's ASP.NET Core integration registers too.
        services.AddMvcCore();
        services.TryAddSingleton(_ => FunctionCatalog.ForFunctionApp());
        services.AddSingleton<TimerScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<TimerScheduler>());
        return services;
    }

    /// <summary>Hosts the functions of <paramref name="catalog"/> instead of the function app's (tests host sample functions).</summary>
    public static WebApplicationBuilder UseFunctions(this WebApplicationBuilder builder, FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton(catalog));
        return builder;
    }

    /// <summary>Maps the HTTP functions and the admin route, and builds the timer registrations: a function that cannot be hosted throws here.</summary>
    public static WebApplication MapLocalFunctions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        var routePrefix = RoutePrefix(app.Services);
        app.MapHttpFunctions(catalog, routePrefix);
        app.MapAdminFunctions();
        _ = app.Services.GetRequiredService<TimerScheduler>();

        foreach (var name in catalog.UnsupportedFunctions)
        {
            app.Logger.LogWarning("Function '{FunctionName}' has a trigger the local host does not run; only HTTP and timer functions are hosted.", name);
        }

        return app;
    }

    /// <summary>The route prefix in force: <c>LocalHost:RoutePrefix</c> when set, else host.json's, else "api".</summary>
    public static string RoutePrefix(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<LocalHostOptions>>().Value.RoutePrefix;
        return configured is not null ? configured.Trim('/') : HostJson.ReadRoutePrefix(HostJson.Locate());
    }

    /// <summary>The first address the started server listens on, e.g. http://127.0.0.1:49152/ (the real port when "urls" asked for port 0).</summary>
    public static Uri GetBaseAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The server has no address yet; call StartAsync first.");
        return new Uri(first.EndsWith('/') ? first : first + "/");
    }
}
