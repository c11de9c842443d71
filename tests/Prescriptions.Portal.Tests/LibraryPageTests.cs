using Bunit;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Library;
using Prescriptions.Portal.Pages;

namespace Prescriptions.Portal.Tests;

/// <summary>The library lists the API's exercises on opening, with categories in words, links each to its page, and narrows by a search, a category and a body region.</summary>
public sealed class LibraryPageTests : PortalTestContext
{
    [Fact]
    public void The_library_lists_every_exercise_on_opening_and_narrows_by_a_search()
    {
        Api.Exercises.AddRange(
        [
            new ExerciseSummary("ex-1", "Heel raises", "Calf strength", "strength", 2),
            new ExerciseSummary("ex-2", "Ankle circles", "Range of motion", "rangeOfMotion", 1),
        ]);
        var page = Render<LibraryPage>();

        Assert.Equal(2, page.FindAll("tbody tr").Count);
        Assert.Contains("Range of motion", page.Find("tbody tr:nth-child(2)").TextContent, StringComparison.Ordinal);
        Assert.Equal("library/ex-2", page.Find("tbody tr:nth-child(2) th a").GetAttribute("href"));

        page.Find("#search-exercises").Change("heel");
        page.Find("form").Submit();

        Assert.Equal([new ExerciseFilter(), new ExerciseFilter("heel")], Api.Filters);
        Assert.Contains("Heel raises", Assert.Single(page.FindAll("tbody tr")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Choosing_a_category_and_a_body_region_asks_again_with_both_and_the_search_word()
    {
        Api.Exercises.Add(new ExerciseSummary("ex-1", "Heel raises", "Calf strength", "strength", 2));
        var page = Render<LibraryPage>();

        page.Find("#search-exercises").Change("heel");
        page.Find("#filter-category").Change("strength");
        page.Find("#filter-region").Change("ankle");

        Assert.Equal(new ExerciseFilter("heel", "strength", "ankle"), Api.Filters[^1]);
        Assert.Equal("exercises?q=heel&category=strength&bodyRegion=ankle&pageSize=100", Api.Filters[^1].Path());
        Assert.Contains("Exercises matching “heel”, strength, ankle", page.Find("caption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_sends_only_the_parameters_it_has()
    {
        Assert.Equal("exercises?pageSize=100", new ExerciseFilter().Path());
        Assert.Equal("exercises?pageSize=100", new ExerciseFilter("  ", "", "").Path());
        Assert.Equal("exercises?bodyRegion=lumbarSpine&pageSize=100", new ExerciseFilter(BodyRegion: "lumbarSpine").Path());
        Assert.Equal("exercises?q=single%20leg&category=balance&pageSize=100", new ExerciseFilter(" single leg ", "balance").Path());
    }

    [Fact]
    public void A_filter_that_keeps_nothing_says_so_in_words()
    {
        Api.Exercises.Add(new ExerciseSummary("ex-1", "Heel raises", "Calf strength", "strength", 2));
        var page = Render<LibraryPage>();

        page.Find("#filter-category").Change("balance");

        Assert.Equal("No exercise matches balance.", page.Find("[data-library=loaded]").TextContent);
    }

    [Theory]
    [InlineData("rangeOfMotion", "Range of motion")]
    [InlineData("strength", "Strength")]
    [InlineData("coreControl", "Core control")]
    public void A_category_reads_in_words(string code, string words) => Assert.Equal(words, ExerciseCategoryNames.Of(code));
}
