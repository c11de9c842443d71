using System.Reflection;

namespace Prescriptions.LocalHost.Invocation;

/// <summary>Awaits whatever a function method returns (void, T, Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;) and yields its result.</summary>
internal sealed class ReturnValue
{
    private readonly Func<object?, Task<object?>> awaiter;

    private ReturnValue(Type? resultType, Func<object?, Task<object?>> awaiter)
    {
        ResultType = resultType;
        this.awaiter = awaiter;
    }

    /// <summary>The type the awaited call yields; <see langword="null"/> for void, Task and ValueTask.</summary>
    public Type? ResultType { get; }

    public Task<object?> AwaitAsync(object? returned) => awaiter(returned);

    public static ReturnValue For(Type declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        if (declared == typeof(void))
        {
            return new ReturnValue(null, _ => Task.FromResult<object?>(null));
        }

        if (declared == typeof(Task))
        {
            return new ReturnValue(null, async returned =>
            {
                await (Task)returned!;
                return null;
            });
        }

        if (declared == typeof(ValueTask))
        {
            return new ReturnValue(null, async returned =>
            {
                await (ValueTask)returned!;
                return null;
            });
        }

        if (declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = declared.GetProperty(nameof(Task<object>.Result))!;
            return new ReturnValue(declared.GetGenericArguments()[0], returned => ResultOfAsync((Task)returned!, result));
        }

        if (declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = declared.GetMethod(nameof(ValueTask<object>.AsTask))!;
            var taskType = typeof(Task<>).MakeGenericType(declared.GetGenericArguments()[0]);
            var result = taskType.GetProperty(nameof(Task<object>.Result))!;
            return new ReturnValue(declared.GetGenericArguments()[0], returned => ResultOfAsync((Task)asTask.Invoke(returned, null)!, result));
        }

        return new ReturnValue(declared, Task.FromResult);
    }

    private static async Task<object?> ResultOfAsync(Task task, PropertyInfo result)
    {
        await task;
        return result.GetValue(task);
    }
}
