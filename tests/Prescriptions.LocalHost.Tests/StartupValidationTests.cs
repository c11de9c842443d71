using Microsoft.Extensions.DependencyInjection;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Tests.Samples;
using Prescriptions.LocalHost.Tests.Support;

namespace Prescriptions.LocalHost.Tests;

/// <summary>A function the local host cannot call stops it at startup with a message naming the function.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData(typeof(UnbindableParameterFunction), "'Unbindable'", "'mystery'")]
    [InlineData(typeof(WrongHttpTriggerTypeFunction), "'WrongTriggerType'", "HttpRequest")]
    [InlineData(typeof(UnwritableResultFunction), "'Unwritable'", "IActionResult")]
    [InlineData(typeof(UnbindableTimerFunction), "'UnbindableTimer'", "'mystery'")]
    [InlineData(typeof(MissingSettingTimerFunction), "'MissingSetting'", "'NotConfiguredSchedule'")]
    public void Unhostable_function_fails_the_build_of_the_host(Type functionClass, string function, string detail)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RunningHost.Build(FunctionCatalog.FromTypes(functionClass)));

        Assert.Contains(function, error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_timer_function_starts_once_its_setting_exists()
    {
        await using var app = RunningHost.Build(
            FunctionCatalog.FromTypes(typeof(MissingSettingTimerFunction)),
            new Dictionary<string, string?> { ["NotConfiguredSchedule"] = "0 0 * * * *" });

        Assert.Equal("0 0 * * * *", app.Services.GetRequiredService<Timers.TimerScheduler>().Registrations.Single().Schedule.Resolved);
    }
}
