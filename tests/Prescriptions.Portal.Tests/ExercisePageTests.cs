using Bunit;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Library;
using Prescriptions.Portal.Pages;

namespace Prescriptions.Portal.Tests;

/// <summary>An exercise's page: its facts in words, its steps, cues and safety, its default dose, and its progression chain walked both ways.</summary>
public sealed class ExercisePageTests : PortalTestContext
{
    [Fact]
    public void The_page_shows_the_steps_in_order_the_cues_the_safety_apart_and_the_dose_in_words()
    {
        Api.ExerciseById["heel-raises"] = Exercise("heel-raises", "Heel raises") with
        {
            Instructions = ["Stand holding a chair.", "Rise onto your toes.", "Lower slowly."],
            Cues = ["Keep your knees straight."],
            Safety = ["Stop if your calf hurts sharply."],
            Equipment = ["chair"],
            Contraindications = ["noImpact", "postOpWound"],
        };

        var page = Render<ExercisePage>(parameters => parameters.Add(p => p.ExerciseId, "heel-raises"));

        page.WaitForElement("[data-exercise=loaded]");
        Assert.Equal("Heel raises", page.Find("h1").TextContent);
        Assert.Equal(["Stand holding a chair.", "Rise onto your toes.", "Lower slowly."], page.FindAll(".exercise-steps li").Select(step => step.TextContent));
        Assert.Equal("Keep your knees straight.", page.Find(".exercise-cues li").TextContent);
        Assert.Equal("Stop if your calf hurts sharply.", page.Find("section.exercise-safety li").TextContent);
        Assert.Equal("3 sets of 12 repetitions, rest 1 minute, 3 days a week", page.Find(".exercise-dose").TextContent);
        var facts = page.Find(".exercise-facts").TextContent;
        Assert.Contains("Strength", facts, StringComparison.Ordinal);
        Assert.Contains("Ankle, Foot", facts, StringComparison.Ordinal);
        Assert.Contains("Chair", facts, StringComparison.Ordinal);
        Assert.Contains("Partial", facts, StringComparison.Ordinal);
        Assert.Contains("At home", facts, StringComparison.Ordinal);
        Assert.Contains("No impact, Post op wound", facts, StringComparison.Ordinal);
        Assert.Contains("This exercise has no easier or harder step", page.Find(".exercise-chain").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chain_walks_back_through_the_regressions_and_forward_through_the_progressions_and_marks_the_current()
    {
        Api.ExerciseById["easiest"] = Exercise("easiest", "Seated heel raises") with { ProgressionId = "easier" };
        Api.ExerciseById["easier"] = Exercise("easier", "Double-leg heel raises") with { RegressionId = "easiest", ProgressionId = "heel-raises" };
        Api.ExerciseById["heel-raises"] = Exercise("heel-raises", "Heel raises") with { RegressionId = "easier", ProgressionId = "harder" };
        Api.ExerciseById["harder"] = Exercise("harder", "Single-leg heel raises") with { RegressionId = "heel-raises" };

        var page = Render<ExercisePage>(parameters => parameters.Add(p => p.ExerciseId, "heel-raises"));

        page.WaitForElement(".exercise-chain ol");
        var links = page.FindAll(".exercise-chain ol li a");
        Assert.Equal(["library/easiest", "library/easier", "library/heel-raises", "library/harder"], links.Select(link => link.GetAttribute("href")));
        Assert.Equal("page", links[2].GetAttribute("aria-current"));
        Assert.All(new[] { links[0], links[1], links[3] }, link => Assert.False(link.HasAttribute("aria-current")));
        Assert.Equal("Seated heel raises", links[0].TextContent);
    }

    [Fact]
    public void Following_a_chain_link_reads_that_exercise_and_marks_it_current()
    {
        Api.ExerciseById["heel-raises"] = Exercise("heel-raises", "Heel raises") with { ProgressionId = "harder" };
        Api.ExerciseById["harder"] = Exercise("harder", "Single-leg heel raises") with { RegressionId = "heel-raises" };
        var page = Render<ExercisePage>(parameters => parameters.Add(p => p.ExerciseId, "heel-raises"));
        page.WaitForElement(".exercise-chain ol");

        page.Render(parameters => parameters.Add(p => p.ExerciseId, "harder"));

        page.WaitForAssertion(() => Assert.Equal("Single-leg heel raises", page.Find("h1").TextContent));
        page.WaitForAssertion(() => Assert.Equal("library/harder", page.Find(".exercise-chain a[aria-current=page]").GetAttribute("href")));
    }

    [Fact]
    public async Task A_chain_whose_links_loop_stops_at_the_first_exercise_seen_again()
    {
        Api.ExerciseById["a"] = Exercise("a", "A") with { RegressionId = "c", ProgressionId = "b" };
        Api.ExerciseById["b"] = Exercise("b", "B") with { ProgressionId = "c" };
        Api.ExerciseById["c"] = Exercise("c", "C") with { ProgressionId = "a", RegressionId = "b" };

        var chain = await ProgressionChain.WalkAsync(Api.ExerciseById["a"], Api.ExerciseAsync);

        // Back: c, then b (c's regression); b's regression is none. Forward: b was seen, so the walk stops at once.
        Assert.Equal(["b", "c", "a"], chain.Select(link => link.Id));
        Assert.Equal("a", Assert.Single(chain, link => link.IsCurrent).Id);
        Assert.Equal(["c", "b"], Api.ExerciseReads);
    }

    [Fact]
    public async Task A_chain_is_walked_at_most_eight_steps_each_way()
    {
        for (var step = -12; step <= 12; step++)
        {
            Api.ExerciseById[$"s{step}"] = Exercise($"s{step}", $"Step {step}") with { RegressionId = $"s{step - 1}", ProgressionId = $"s{step + 1}" };
        }

        var chain = await ProgressionChain.WalkAsync(Api.ExerciseById["s0"], Api.ExerciseAsync);

        Assert.Equal(Enumerable.Range(-8, 17).Select(step => $"s{step}"), chain.Select(link => link.Id));
        Assert.Equal(16, Api.ExerciseReads.Count);
    }

    [Fact]
    public async Task A_link_to_an_exercise_the_library_lacks_ends_the_chain_there()
    {
        Api.ExerciseById["a"] = Exercise("a", "A") with { RegressionId = "gone", ProgressionId = "b" };
        Api.ExerciseById["b"] = Exercise("b", "B") with { RegressionId = "a" };

        var chain = await ProgressionChain.WalkAsync(Api.ExerciseById["a"], Api.ExerciseAsync);

        Assert.Equal(["a", "b"], chain.Select(link => link.Id));
    }

    [Fact]
    public void An_exercise_the_library_lacks_says_so()
    {
        var page = Render<ExercisePage>(parameters => parameters.Add(p => p.ExerciseId, "no-such"));

        Assert.Equal("The library has no exercise “no-such”.", page.WaitForElement("[data-exercise=loaded]").TextContent);
    }

    private static ExerciseDetails Exercise(string id, string name) => new(
        id, name, $"{name} for the calf.", "strength", 2, ["ankle", "foot"], "partial", "home",
        new Dose { Sets = 3, Reps = 12, RestSeconds = 60, DaysPerWeek = 3 })
    {
        Instructions = ["Do it."],
    };
}
