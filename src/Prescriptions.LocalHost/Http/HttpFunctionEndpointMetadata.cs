using Microsoft.Azure.Functions.Worker;

namespace Prescriptions.LocalHost.Http;

/// <summary>Endpoint metadata naming the function an endpoint serves, so tests and tools can read what is mapped.</summary>
/// <param name="FunctionName">The <c>[Function]</c> name.</param>
/// <param name="Methods">Lower-case HTTP methods, sorted; <see langword="null"/> means every method.</param>
/// <param name="Route">The function's route without the route prefix.</param>
/// <param name="AuthLevel">The trigger's authorization level (recorded, not enforced locally).</param>
public sealed record HttpFunctionEndpointMetadata(string FunctionName, IReadOnlyList<string>? Methods, string Route, AuthorizationLevel AuthLevel);
