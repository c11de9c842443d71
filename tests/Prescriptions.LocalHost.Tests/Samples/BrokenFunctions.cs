using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Prescriptions.LocalHost.Tests.Samples;

/// <summary>A type no one registers in DI.</summary>
public sealed class NotRegistered;

/// <summary>Functions the local host must refuse at startup; each test hosts one of them.</summary>
public static class UnbindableParameterFunction
{
    [Function("Unbindable")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unbindable")] HttpRequest request,
        NotRegistered mystery) => new OkResult();
}

public static class WrongHttpTriggerTypeFunction
{
    [Function("WrongTriggerType")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "post")] string body) => new OkResult();
}

public static class UnwritableResultFunction
{
    [Function("Unwritable")]
    public static Task<string> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => Task.FromResult("text");
}

public static class MissingSettingTimerFunction
{
    [Function("MissingSetting")]
    public static void Run([TimerTrigger("%NotConfiguredSchedule%")] TimerInfo timer)
    {
    }
}

public static class UnbindableTimerFunction
{
    [Function("UnbindableTimer")]
    public static void Run([TimerTrigger("0 0 * * * *")] TimerInfo timer, NotRegistered mystery)
    {
    }
}

/// <summary>A function with a trigger the local host does not run (here: none at all).</summary>
public static class NoTriggerFunction
{
    [Function("NoTrigger")]
    public static void Run(string input)
    {
    }
}

/// <summary>Two functions of one name; internal so assembly discovery does not see them.</summary>
internal static class DuplicateNameA
{
    [Function("Duplicate")]
    public static void Run([TimerTrigger("0 0 * * * *")] TimerInfo timer)
    {
    }
}

internal static class DuplicateNameB
{
    [Function("Duplicate")]
    public static void Run([TimerTrigger("0 0 * * * *")] TimerInfo timer)
    {
    }
}
