using System.Globalization;
using System.Reflection;

namespace Prescriptions.LocalHost.Invocation;

/// <summary>Calls one function method: creates its class from the invocation's scope, binds the arguments, awaits the result.</summary>
/// <typeparam name="TContext">What the binders read arguments from (the HTTP context, the timer run).</typeparam>
internal sealed class FunctionInvoker<TContext>
{
    private readonly MethodInfo method;
    private readonly ObjectFactory? factory;
    private readonly ParameterBinder<TContext>[] binders;
    private readonly ReturnValue returnValue;

    public FunctionInvoker(MethodInfo method, IReadOnlyList<ParameterBinder<TContext>> binders)
    {
        this.method = method;
        this.binders = [.. binders];
        returnValue = ReturnValue.For(method.ReturnType);
        // The worker creates function classes with ActivatorUtilities too, one instance per invocation.
        factory = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
    }

    public async Task<object?> InvokeAsync(TContext context, IServiceProvider services)
    {
        var instance = factory?.Invoke(services, null);
        try
        {
            var arguments = new object?[binders.Length];
            for (var i = 0; i < binders.Length; i++)
            {
                arguments[i] = binders[i](context, services);
            }

            // DoNotWrapExceptions: callers see the function's own exception, not a TargetInvocationException.
            var returned = method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, CultureInfo.InvariantCulture);
            return await returnValue.AwaitAsync(returned);
        }
        finally
        {
            // The instance belongs to this invocation alone; a class that holds resources gets to release them.
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
