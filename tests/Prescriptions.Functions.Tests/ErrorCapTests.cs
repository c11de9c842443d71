using Prescriptions.Application.Outcomes;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Tests;

public sealed class ErrorCapTests
{
    [Fact]
    public void A_problem_with_more_than_50_reasons_lists_the_first_50_and_counts_all()
    {
        var errors = Enumerable.Range(0, 30).ToDictionary(i => $"items[{i}]", i => new[] { $"first {i}", $"second {i}" });

        var capped = ErrorCap.Apply(Problems.Validation(errors));

        Assert.Equal(60, capped.ErrorCount);
        Assert.Equal(ErrorCap.MaxListed, capped.Errors!.Values.Sum(reasons => reasons.Length));
        Assert.Equal(["first 0", "second 0"], capped.Errors["items[0]"]);
        Assert.Equal(["first 24", "second 24"], capped.Errors["items[24]"]);
        Assert.False(capped.Errors.ContainsKey("items[25]"));
    }

    [Fact]
    public void A_problem_without_errors_has_no_count() =>
        Assert.Null(ErrorCap.Apply(Problems.Conflict("no")).ErrorCount);

    [Fact]
    public void Rule_violations_of_clinic_items_are_named_by_their_place_in_clinicItems()
    {
        var failure = Failure.RuleViolation(new Dictionary<string, string[]>
        {
            ["items[1]"] = ["home"],
            ["items[3].dose.sets"] = ["clinic"],
            ["items"] = ["budget"],
        });

        var named = PrescriptionRequests.WithClinicItemPaths(Outcome.Refused<int>(failure), homeCount: 2).Failure!.Errors;

        Assert.Equal(["budget", "clinic", "home"], named.OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => e.Value).Order(StringComparer.Ordinal));
        Assert.Equal(["clinic"], named["clinicItems[1].dose.sets"]);
        Assert.Equal(["home"], named["items[1]"]);
        Assert.Equal(["budget"], named["items"]);
    }
}
