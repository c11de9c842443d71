using Bunit;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Library;
using Prescriptions.Portal.Pages;

namespace Prescriptions.Portal.Tests;

/// <summary>The library lists the API's exercises on opening, with categories in words, and narrows by a search.</summary>
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

        page.Find("#search-exercises").Change("heel");
        page.Find("form").Submit();

        Assert.Equal(["", "heel"], Api.Searches);
        Assert.Contains("Heel raises", Assert.Single(page.FindAll("tbody tr")).TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rangeOfMotion", "Range of motion")]
    [InlineData("strength", "Strength")]
    [InlineData("coreControl", "Core control")]
    public void A_category_reads_in_words(string code, string words) => Assert.Equal(words, ExerciseCategoryNames.Of(code));
}
