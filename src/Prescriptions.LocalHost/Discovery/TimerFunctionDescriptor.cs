using System.Reflection;

namespace Prescriptions.LocalHost.Discovery;

/// <summary>A <c>[TimerTrigger]</c> function as the Functions host sees it.</summary>
/// <param name="Name">The <c>[Function]</c> name.</param>
/// <param name="Schedule">The schedule as written in the attribute, <c>%Setting%</c> references unresolved.</param>
/// <param name="RunOnStartup">Whether the function also runs once when the host starts.</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="TriggerParameter">The parameter marked <c>[TimerTrigger]</c>.</param>
public sealed record TimerFunctionDescriptor(
    string Name,
    string Schedule,
    bool RunOnStartup,
    MethodInfo Method,
    ParameterInfo TriggerParameter);
