using Microsoft.Azure.Functions.Worker;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Invocation;

namespace Prescriptions.LocalHost.Timers;

/// <summary>Decides at startup how each parameter of a timer function is bound, so a function the local host cannot call fails fast.</summary>
internal static class TimerParameterBinders
{
    public static ParameterBinder<TimerRun>[] Create(TimerFunctionDescriptor function, IServiceProviderIsService isService) =>
        [.. function.Method.GetParameters().Select(parameter =>
        {
            if (parameter.Position == function.TriggerParameter.Position)
            {
                return parameter.ParameterType == typeof(TimerInfo)
                    ? (run, _) => run.Info
                    : throw new InvalidOperationException(
                        $"Function '{function.Name}': the local host binds [TimerTrigger] only to TimerInfo, not {parameter.ParameterType}.");
            }

            return parameter.ParameterType == typeof(CancellationToken)
                ? (run, _) => run.CancellationToken
                : ServiceParameters.Bind<TimerRun>(function.Name, parameter, isService);
        })];
}
