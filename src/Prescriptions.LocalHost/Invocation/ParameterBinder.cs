namespace Prescriptions.LocalHost.Invocation;

/// <summary>Produces one argument of a function call from the invocation's context and scoped services.</summary>
internal delegate object? ParameterBinder<in TContext>(TContext context, IServiceProvider services);
