using Bunit;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Problems;

namespace Prescriptions.Portal.Tests;

/// <summary>Problems from the API land next to the field they name; nothing they say is lost; a 412 offers a reload.</summary>
public sealed class ApiProblemTests : PortalTestContext
{
    private static readonly ApiProblem Refused = new(
        Type: "https://prescriptions.example/problems/validation",
        Title: "The request has invalid fields.",
        Status: 400,
        Detail: "See errors.",
        Errors: new Dictionary<string, string[]>
        {
            ["conditionId"] = ["Choose a condition from the library."],
            ["limits.romCaps[0].degrees"] = ["Give the cap in whole degrees from 0 to 180."],
            ["limitsExtra"] = ["Not inside limits."],
            ["followUp.email"] = ["Give an email address such as name@example.org."],
        });

    [Fact]
    public void A_field_takes_its_own_reasons_and_those_of_paths_inside_it_but_not_of_a_longer_name()
    {
        Assert.Equal(["Give the cap in whole degrees from 0 to 180."], Refused.ReasonsFor("limits"));
        Assert.Equal(["Choose a condition from the library."], Refused.ReasonsFor("conditionId"));
        Assert.Empty(Refused.ReasonsFor("phase"));
    }

    [Fact]
    public void Reasons_for_fields_the_page_does_not_show_are_listed_with_their_path()
    {
        Assert.Equal(
            ["limitsExtra: Not inside limits.", "followUp.email: Give an email address such as name@example.org."],
            Refused.ReasonsOutside(["conditionId", "limits"]));
    }

    [Fact]
    public void The_field_problem_renders_the_reasons_with_an_id_a_field_can_point_at()
    {
        var rendered = Render<FieldProblem>(parameters => parameters
            .Add(field => field.Problem, Refused)
            .Add(field => field.Field, "limits.romCaps[0]"));

        var block = rendered.Find("#problem-limits-romCaps-0");
        Assert.Contains("whole degrees", block.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_write_offers_to_reload_and_reloading_calls_back()
    {
        var reloaded = false;
        var rendered = Render<ProblemBanner>(parameters => parameters
            .Add(banner => banner.Problem, new ApiProblem(null, "The program changed.", 412, null, null))
            .Add(banner => banner.OnReload, () => { reloaded = true; }));

        rendered.Find("fluent-button").Click();

        Assert.True(reloaded);
    }

    [Fact]
    public async Task A_refusal_becomes_an_exception_carrying_the_problem_document()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.PreconditionFailed)
        {
            Content = new StringContent(
                """{"type":"about:blank","title":"The prescription changed.","status":412,"detail":"Read it again."}""",
                System.Text.Encoding.UTF8,
                "application/problem+json"),
        };

        var thrown = await Assert.ThrowsAsync<ApiProblemException>(() => ApiAnswers.EnsureSuccessAsync(response));

        Assert.True(thrown.Problem.IsStale);
        Assert.Equal("Read it again.", thrown.Message);
    }
}
