using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Prescriptions.Functions;

/// <summary>
/// Runs the options' start-up validation before the host starts, so that a wrong setting ends the app with one message
/// naming each bad setting (what an operator needs), instead of an unhandled exception and a stack trace.
/// </summary>
public static class StartupConfigurationCheck
{
    /// <summary>Exit code of a host that refuses to start on its settings.</summary>
    public const int InvalidConfigurationExitCode = 78; // EX_CONFIG of sysexits.h

    /// <summary>True when every validated options class accepts its settings; otherwise writes the one message and answers false.</summary>
    public static bool Passes(IServiceProvider services, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception exception) when (Failures(exception) is { Count: > 0 } failures)
        {
            error.WriteLine(Message(failures));
            return false;
        }
    }

    public static string Message(IReadOnlyCollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return $"The app cannot start: {failures.Count} setting(s) are invalid. Fix them and start again.{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures.Select(failure => $"  - {failure}"));
    }

    /// <summary>The failure texts of one validation exception, or of several (one per options class) in an AggregateException.</summary>
    private static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            [.. aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)],
        _ => [],
    };
}
