using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Prescriptions.LocalHost.Discovery;

/// <summary>An <c>[HttpTrigger]</c> function as the Functions host sees it.</summary>
/// <param name="Name">The <c>[Function]</c> name.</param>
/// <param name="Methods">Lower-case HTTP methods, sorted; <see langword="null"/> means every method.</param>
/// <param name="Route">The route template without the host's route prefix (the function name when the trigger sets none).</param>
/// <param name="AuthLevel">The trigger's authorization level (not enforced by the local host).</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="TriggerParameter">The parameter marked <c>[HttpTrigger]</c>.</param>
public sealed record HttpFunctionDescriptor(
    string Name,
    IReadOnlyList<string>? Methods,
    string Route,
    AuthorizationLevel AuthLevel,
    MethodInfo Method,
    ParameterInfo TriggerParameter);
