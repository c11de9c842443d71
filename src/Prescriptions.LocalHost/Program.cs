using Prescriptions.Functions;
using Prescriptions.LocalHost;

var app = LocalFunctionsHost.Build(args);
if (!StartupConfigurationCheck.Passes(app.Services, Console.Error))
{
    return StartupConfigurationCheck.InvalidConfigurationExitCode;
}

await app.RunAsync();
return 0;
