using Bunit;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Pages;

namespace Prescriptions.Portal.Tests;

/// <summary>An active program at /programs/{id}: read-only items with dose in words, rationale and note; progress and regress with If-Match; the handout.</summary>
public sealed class ProgramSummaryTests : PortalTestContext
{
    public ProgramSummaryTests()
    {
        Api.Protocols["lateral-ankle-sprain"] = new ConditionProtocol("lateral-ankle-sprain", "Lateral ankle sprain", "Inversion sprain.", [new ProtocolPhase(2, "Strength", [], 7, null)]);
        var request = new ProgramRequest("pat_7", "lateral-ankle-sprain", 2, "left", null, null, new ProgramLimits());
        var program = FakePrescriptionsApi.StoredProgramOf("rx-5", request, [new ItemChoice("heel-raises", new Dose { Sets = 3, Reps = 15, DaysPerWeek = 5 }, "Slowly on the way down.")], null, version: 4, status: "active");
        Api.Stored["rx-5"] = new VersionedProgram(program, "\"v4\"");
    }

    [Fact]
    public void An_active_program_shows_its_items_read_only_with_dose_in_words_rationale_note_and_the_links()
    {
        var page = Render<ProgramPage>(p => p.Add(x => x.PrescriptionId, "rx-5"));

        Assert.Equal("Program (active)", page.Find("h1").TextContent);
        var item = page.Find("li.program-item").TextContent;
        Assert.Contains("3 sets of 15 repetitions, 5 days a week", item, StringComparison.Ordinal);
        Assert.Contains("Stored.", item, StringComparison.Ordinal);
        Assert.Contains("Slowly on the way down.", item, StringComparison.Ordinal);
        Assert.Contains("Lateral ankle sprain", page.Find(".program-summary").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("textarea, select, input"));
        Assert.Equal("patients/pat_7", page.FindAll("a").Single(a => a.TextContent == "Patient page").GetAttribute("href"));
        Assert.Equal("patients/pat_7/programs/new", page.FindAll("a").Single(a => a.TextContent == "New program").GetAttribute("href"));
    }

    [Fact]
    public void Progress_posts_with_the_programs_etag_and_shows_the_new_version()
    {
        var page = Render<ProgramPage>(p => p.Add(x => x.PrescriptionId, "rx-5"));

        page.FindAll("fluent-button").First(b => b.TextContent.Trim() == "Progress").Click();

        Assert.Equal(("rx-5", "heel-raises", "progress", "\"v4\""), Assert.Single(Api.Steps));
        page.WaitForAssertion(() => Assert.Contains("heel-raises (progressed)", page.Find("li.program-item").TextContent, StringComparison.Ordinal));
        page.FindAll("fluent-button").First(b => b.TextContent.Trim() == "Regress").Click();
        Assert.Equal("\"v5\"", Api.Steps[^1].ETag);
    }

    [Fact]
    public void Print_handout_fetches_the_pdf_through_the_api_and_opens_it_in_the_browser()
    {
        var opened = JSInterop.SetupModule("./js/program-builder.js");
        opened.SetupVoid("openPdf", _ => true).SetVoidResult();
        var page = Render<ProgramPage>(p => p.Add(x => x.PrescriptionId, "rx-5"));

        page.FindAll("fluent-button").First(b => b.TextContent.Trim() == "Print handout").Click();

        Assert.Equal(["rx-5"], Api.Handouts);
        var call = Assert.Single(opened.Invocations, i => i.Identifier == "openPdf");
        Assert.Equal("exercise-handout-rx-5.pdf", call.Arguments[1]);
        Assert.Contains("The handout opened", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }
}
