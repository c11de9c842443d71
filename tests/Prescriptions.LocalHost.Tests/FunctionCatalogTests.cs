using Microsoft.Azure.Functions.Worker;
using Prescriptions.LocalHost.Discovery;
using Prescriptions.LocalHost.Tests.Samples;

namespace Prescriptions.LocalHost.Tests;

public sealed class FunctionCatalogTests
{
    private static readonly FunctionCatalog Samples = FunctionCatalog.Discover(typeof(SampleHttpFunctions).Assembly);

    [Fact]
    public void Http_function_carries_name_methods_route_and_auth_level()
    {
        var function = Assert.Single(Samples.HttpFunctions, f => f.Name == "GetItem");

        Assert.Equal(["get"], function.Methods);
        Assert.Equal("items/{id}", function.Route);
        Assert.Equal(AuthorizationLevel.Anonymous, function.AuthLevel);
        Assert.Equal(nameof(SampleHttpFunctions.GetItem), function.Method.Name);
    }

    [Fact]
    public void Methods_are_lower_case_and_sorted()
    {
        var function = Assert.Single(Samples.HttpFunctions, f => f.Name == "OrderLine");

        Assert.Equal(["get", "post"], function.Methods);
    }

    [Fact]
    public void No_route_means_the_function_name_and_no_methods_means_all()
    {
        var function = Assert.Single(Samples.HttpFunctions, f => f.Name == "AnyMethod");

        Assert.Equal("AnyMethod", function.Route);
        Assert.Null(function.Methods);
        Assert.Equal(AuthorizationLevel.Function, function.AuthLevel);
    }

    [Fact]
    public void Timer_function_carries_the_unresolved_schedule_and_run_on_startup()
    {
        var tick = Assert.Single(Samples.TimerFunctions, f => f.Name == "Tick");
        var warmUp = Assert.Single(Samples.TimerFunctions, f => f.Name == "WarmUp");

        Assert.Equal("%TickSchedule%", tick.Schedule);
        Assert.False(tick.RunOnStartup);
        Assert.Equal("0 0 0 1 1 *", warmUp.Schedule);
        Assert.True(warmUp.RunOnStartup);
    }

    [Fact]
    public void Function_without_http_or_timer_trigger_is_listed_as_unsupported()
    {
        Assert.Contains("NoTrigger", Samples.UnsupportedFunctions);
        Assert.DoesNotContain(Samples.HttpFunctions, f => f.Name == "NoTrigger");
        Assert.DoesNotContain(Samples.TimerFunctions, f => f.Name == "NoTrigger");
    }

    [Fact]
    public void Assembly_discovery_sees_only_public_types()
    {
        Assert.DoesNotContain(Samples.TimerFunctions, f => f.Name == "Duplicate");
    }

    [Fact]
    public void Two_functions_of_one_name_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.FromTypes(typeof(DuplicateNameA), typeof(DuplicateNameB)));

        Assert.Contains("'Duplicate'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_catalog_is_the_function_apps()
    {
        var catalog = FunctionCatalog.ForFunctionApp();

        Assert.Contains(catalog.HttpFunctions, f => f.Name == "Health" && f.Method.DeclaringType!.Assembly == typeof(Functions.ServiceCollectionExtensions).Assembly);
        Assert.DoesNotContain(catalog.HttpFunctions, f => f.Name == "GetItem");
    }
}
