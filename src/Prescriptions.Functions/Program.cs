using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prescriptions.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The Application Insights provider adds a rule that keeps only warnings; we want Information too.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var aiRule = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (aiRule is not null)
    {
        options.Rules.Remove(aiRule);
    }
});

builder.Services.AddPrescriptions(builder.Configuration);

var host = builder.Build();
if (!StartupConfigurationCheck.Passes(host.Services, Console.Error))
{
    return StartupConfigurationCheck.InvalidConfigurationExitCode;
}

host.Run();
return 0;
