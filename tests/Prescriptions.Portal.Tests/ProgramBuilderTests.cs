using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Pages;

namespace Prescriptions.Portal.Tests;

/// <summary>
/// The program builder (/patients/{id}/programs/new and a draft's /programs/{id}): preview, swap in place, reorder,
/// remove, add only what the limits allow, save then replace with If-Match, 412 offers Reload, problems next to their
/// fields, and activation with the follow-up contact.
/// </summary>
public sealed class ProgramBuilderTests : PortalTestContext
{
    private static readonly ProgramItem Pumps = FakePrescriptionsApi.ProgramItemOf("ankle-pumps", "Ankle pumps", 1, reps: 20);
    private static readonly ProgramItem Raises = FakePrescriptionsApi.ProgramItemOf("heel-raises", "Heel raises", 2);
    private static readonly ProgramItem Balance = FakePrescriptionsApi.ProgramItemOf("single-leg-stance", "Single-leg stance", 3);

    public ProgramBuilderTests()
    {
        Api.Conditions.Add(new ConditionListing("lateral-ankle-sprain", "Lateral ankle sprain", [new ConditionCodeEntry("S93.401A", "left")]));
        Api.Conditions.Add(new ConditionListing("acl-reconstruction", "ACL reconstruction", [new ConditionCodeEntry("Z96.651", null)]));
        Api.Protocols["lateral-ankle-sprain"] = new ConditionProtocol("lateral-ankle-sprain", "Lateral ankle sprain", "Inversion sprain.",
        [
            new ProtocolPhase(1, "Protection", ["Control swelling"], 3, null),
            new ProtocolPhase(2, "Strength", ["Full pain-free range", "Single-leg stance 30 s"], 7,
                [new PhaseCriterion("painAtRestNrs", "lte", 2, "nrs", "Pain at rest 2/10 or less")]),
        ]);
        Api.Assembled = new AssembledProgram("lateral-ankle-sprain", 2, [Pumps, Raises, Balance], [], 14,
            ["Entry criterion not shown: pain at rest 2/10 or less."], [], ["No impact until day 14"]);
    }

    [Fact]
    public void The_condition_is_found_by_icd10_code_and_the_phase_shows_its_goals_and_entry_criteria()
    {
        var page = RenderNew();

        page.Find("#condition-search").Input("S93");
        var options = page.FindAll("#condition option").Skip(1).Select(o => o.TextContent).ToArray();
        page.Find("#condition").Change("lateral-ankle-sprain");
        page.Find("#phase").Change("2");

        Assert.Equal(["Lateral ankle sprain (S93.401A)"], options);
        var info = page.Find("[data-phase-info='2']").TextContent;
        Assert.Contains("Single-leg stance 30 s", info, StringComparison.Ordinal);
        Assert.Contains("Pain at rest 2/10 or less", info, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_sends_the_limits_and_shows_each_item_with_its_dose_in_words_its_rationale_and_the_warnings()
    {
        var page = RenderNew();
        Choose(page);
        page.Find("#weight-bearing").Change("partial");
        page.Find("#max-minutes").Change("20");
        page.Find("#max-exercises").Change("4");
        page.FindAll(".chip-switch input")[0].Change(true);
        page.FindAll(".chip input").First(input => input.ParentElement!.TextContent.Trim() == "band").Change(true);

        Preview(page);

        var request = Assert.Single(Api.Previews);
        Assert.Equal(("lateral-ankle-sprain", 2, "partial", 20, 4), (request.ConditionId, request.Phase, request.Constraints.WeightBearing, request.Constraints.MaxMinutesPerSession, request.Constraints.MaxExercises));
        Assert.Equal(["band"], request.Constraints.Equipment);
        var first = Item(page, "ankle-pumps").TextContent;
        Assert.Contains("3 sets of 20 repetitions, 3 days a week", first, StringComparison.Ordinal);
        Assert.Contains("Fills slot 1: Ankle pumps trains the ankle.", first, StringComparison.Ordinal);
        Assert.Contains("Entry criterion not shown", page.Find(".warnings").TextContent, StringComparison.Ordinal);
        Assert.Contains("Held: No impact until day 14", page.Find(".warnings").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_swap_replaces_the_item_in_place_with_the_alternatives_dose_and_rationale()
    {
        Api.Swaps[2] = new SwapOptions(2, "heel-raises",
        [
            new SwapOption("single-leg-stance", "Single-leg stance", "balance", "home", 2, new Dose(), "Already in the program."),
            new SwapOption("band-eversion", "Band eversion", "strength", "home", 2, new Dose { Sets = 2, Reps = 15, DaysPerWeek = 5 }, "Instead of Heel raises: fills slot 2."),
        ], null);
        var page = PreviewedNew();

        Click(Item(page, "heel-raises"), "Swap");
        var offered = page.FindAll(".swap-panel li strong").Select(s => s.TextContent).ToArray();
        Click(page.Find(".swap-panel"), "Use this");

        Assert.Equal(["Band eversion"], offered);
        Assert.Equal(["ankle-pumps", "band-eversion", "single-leg-stance"], ItemIds(page));
        var swapped = Item(page, "band-eversion").TextContent;
        Assert.Contains("2 sets of 15 repetitions, 5 days a week", swapped, StringComparison.Ordinal);
        Assert.Contains("Instead of Heel raises: fills slot 2.", swapped, StringComparison.Ordinal);
        Assert.Contains("Swapped Heel raises for Band eversion.", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Move_up_move_down_and_remove_reorder_the_list_by_keyboard_reachable_buttons()
    {
        var page = PreviewedNew();

        Click(Item(page, "single-leg-stance"), "Move up");
        Assert.Equal(["ankle-pumps", "single-leg-stance", "heel-raises"], ItemIds(page));
        Click(Item(page, "ankle-pumps"), "Move down");
        Assert.Equal(["single-leg-stance", "ankle-pumps", "heel-raises"], ItemIds(page));
        Click(Item(page, "ankle-pumps"), "Remove");
        Assert.Equal(["single-leg-stance", "heel-raises"], ItemIds(page));
        Assert.True(Button(Item(page, "single-leg-stance"), "Move up").HasAttribute("disabled"));
        Assert.True(Button(Item(page, "heel-raises"), "Move down").HasAttribute("disabled"));
    }

    [Fact]
    public void Only_exercises_the_limits_allow_can_be_added_and_the_others_say_why()
    {
        Api.Choices = new LibraryChoices("v1",
        [
            new LibraryChoice("ankle-pumps", "Ankle pumps", "rangeOfMotion", "home", 1, new Dose(), [], true, ForCondition: true),
            new LibraryChoice("hop-test", "Single-leg hops", "plyometric", "home", 4, new Dose(), ["It needs full weight bearing; allowed is partial."], false, ForCondition: true),
            new LibraryChoice("mobilisation", "Talocrural mobilisation", "manualTherapy", "clinic", 2, new Dose(), [], true, ForCondition: true),
            new LibraryChoice("neck-turns", "Neck turns", "rangeOfMotion", "home", 1, new Dose(), [], true, ForCondition: false),
            new LibraryChoice("towel-curls", "Towel curls", "strength", "home", 1, new Dose { Sets = 2, Reps = 10, DaysPerWeek = 7 }, [], true, ForCondition: true),
        ]);
        var page = PreviewedNew();

        Click(page.Find(".library-choices"), "Show the exercises these limits allow");

        Assert.Equal(["towel-curls", "neck-turns", "ankle-pumps", "hop-test", "mobilisation"], page.FindAll("li.choice").Select(choice => choice.GetAttribute("data-choice")));
        var hops = page.Find("[data-choice='hop-test']");
        Assert.Contains("refused", hops.ClassList);
        Assert.Contains("It needs full weight bearing; allowed is partial.", hops.TextContent, StringComparison.Ordinal);
        Assert.True(Button(hops, "Add").HasAttribute("disabled"));
        Assert.Equal("why-hop-test", Button(hops, "Add").GetAttribute("aria-describedby"));
        Assert.Contains("It is already in the program.", page.Find("[data-choice='ankle-pumps']").TextContent, StringComparison.Ordinal);
        Assert.Contains("given in clinic", page.Find("[data-choice='mobilisation']").TextContent, StringComparison.Ordinal);
        Click(page.Find("[data-choice='towel-curls']"), "Add");
        Assert.Equal(["ankle-pumps", "heel-raises", "single-leg-stance", "towel-curls"], ItemIds(page));
        Assert.Contains("2 sets of 10 repetitions, every day", Item(page, "towel-curls").TextContent, StringComparison.Ordinal);
        Assert.Contains("It is already in the program.", page.Find("[data-choice='towel-curls']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_draft_creates_the_draft_then_a_later_save_replaces_it_with_if_match_and_the_edited_dose_and_note()
    {
        var page = PreviewedNew();
        Click(Item(page, "single-leg-stance"), "Move up");

        Click(page, "Save draft");
        var created = Assert.Single(Api.Created);
        Assert.Equal(["ankle-pumps", "single-leg-stance", "heel-raises"], created.Items!.Select(i => i.ExerciseId));
        Assert.EndsWith("/programs/rx-1", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);

        Click(Item(page, "heel-raises"), "Edit dose");
        page.Find("#dose-reps-2").Change("8");
        page.Find("#dose-sets-2").Change("2");
        Click(Item(page, "heel-raises"), "Apply dose");
        page.Find("#note-2").Change("Hold the wall for balance.");
        Click(page, "Save draft");

        var (id, etag, replacement) = Assert.Single(Api.Replaced);
        Assert.Equal(("rx-1", "\"v1\""), (id, etag));
        var raises = replacement.Items.Single(i => i.ExerciseId == "heel-raises");
        Assert.Equal((2, 8, 3), (raises.Dose.Sets, raises.Dose.Reps, raises.Dose.DaysPerWeek));
        Assert.Equal("Hold the wall for balance.", raises.Notes);
        Assert.Contains("Draft saved.", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unedited_preview_is_saved_as_the_engines_program_so_each_item_keeps_its_rationale()
    {
        var page = PreviewedNew();

        Click(page, "Save draft");

        var created = Assert.Single(Api.Created);
        Assert.Null(created.Items);
        Assert.Equal(("lateral-ankle-sprain", 2, "left"), (created.Request.ConditionId, created.Request.Phase, created.Request.Side));
    }

    [Fact]
    public void A_412_on_saving_a_draft_offers_reload_which_reads_the_draft_again_and_keeps_nothing_stale()
    {
        var request = new ProgramRequest("pat_1", "lateral-ankle-sprain", 2, "left", null, null, new ProgramLimits());
        Api.Stored["rx-9"] = new VersionedProgram(FakePrescriptionsApi.StoredProgramOf("rx-9", request, [new ItemChoice("ankle-pumps", new Dose { Sets = 3, Reps = 20 }, null)], null, version: 3), "\"v3\"");
        var page = Render<ProgramPage>(p => p.Add(x => x.PrescriptionId, "rx-9"));
        Api.Choices = new LibraryChoices("v1", [new LibraryChoice("towel-curls", "Towel curls", "strength", "home", 1, new Dose(), [], true, ForCondition: true)]);
        Click(page.Find(".library-choices"), "Show the exercises these limits allow");
        Click(page.Find("[data-choice='towel-curls']"), "Add");
        Click(Item(page, "ankle-pumps"), "Remove");
        // Someone else saved the draft meanwhile.
        Api.Stored["rx-9"] = new VersionedProgram(FakePrescriptionsApi.StoredProgramOf("rx-9", request, [new ItemChoice("calf-stretch", new Dose { Sets = 2, DurationSeconds = 30 }, "Theirs")], null, version: 4), "\"v4\"");

        Click(page, "Save draft");

        Assert.Equal("412", page.Find("[data-problem]").GetAttribute("data-problem"));
        var readsBefore = Api.Reads;
        Click(page.Find("[data-problem]"), "Reload");

        Assert.Equal(readsBefore + 1, Api.Reads);
        Assert.Empty(page.FindAll("[data-problem]"));
        Assert.Equal(["calf-stretch"], ItemIds(page));
        Assert.Contains("2 sets of 30 seconds", Item(page, "calf-stretch").TextContent, StringComparison.Ordinal);
        Click(page, "Save draft");
        Assert.Equal("\"v4\"", Api.Replaced[^1].ETag);
    }

    [Fact]
    public void A_refusal_shows_each_reason_next_to_the_field_it_names_and_the_rest_in_the_banner()
    {
        Api.NextRefusal = new ApiProblem(null, "The request is not valid.", 400, null, new Dictionary<string, string[]>
        {
            ["constraints.maxMinutesPerSession"] = ["must be at least 5"],
            ["otherConditions[0]"] = ["'nope' phase 1 is not in library v1"],
        });
        var page = RenderNew();
        Choose(page);

        Preview(page);

        var field = page.Find("#problem-constraints-maxMinutesPerSession");
        Assert.Equal("must be at least 5", field.TextContent.Trim());
        Assert.Equal("problem-constraints-maxMinutesPerSession", page.Find("#max-minutes").GetAttribute("aria-describedby"));
        Assert.NotNull(field.ParentElement!.QuerySelector("#max-minutes"));
        var banner = page.Find("[data-problem]").TextContent;
        Assert.Contains("otherConditions[0]: 'nope' phase 1 is not in library v1", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("must be at least 5", banner, StringComparison.Ordinal);
        Assert.Empty(Api.Previews);
    }

    [Fact]
    public void An_item_refused_on_save_shows_the_reason_on_that_item()
    {
        var page = PreviewedNew();
        Api.NextRefusal = new ApiProblem(null, "The program breaks a rule.", 422, null, new Dictionary<string, string[]>
        {
            ["items[1]"] = ["weightBearing: heel-raises needs full weight bearing; allowed is partial"],
            ["items"] = ["budget: 3 home exercises; the patient's maximum is 2"],
        });

        Click(page, "Save draft");

        Assert.Contains("needs full weight bearing", Item(page, "heel-raises").QuerySelector(".field-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null(Item(page, "ankle-pumps").QuerySelector(".field-problem"));
        Assert.Contains("budget: 3 home exercises", page.Find(".program > .field-problem").TextContent, StringComparison.Ordinal);
        Assert.Empty(Api.Created);
    }

    [Fact]
    public void Activate_asks_for_the_follow_up_saves_it_with_the_draft_then_activates_that_version()
    {
        var page = PreviewedNew();

        Click(page, "Activate");
        page.Find("#follow-up-email").Change("ana@example.org");
        page.Find("#follow-up-zone").Change("Europe/Lisbon");
        page.Find("#follow-up-time").Change("19:30");
        page.Find("#follow-up-every").Change("3");
        page.Find("form.activation").Submit();

        var created = Assert.Single(Api.Created);
        Assert.Equal(new FollowUpContact("ana@example.org", "Europe/Lisbon", "19:30", 3), created.FollowUp);
        Assert.Equal(("rx-1", "\"v1\""), Assert.Single(Api.Activated));
        page.WaitForAssertion(() => Assert.Equal("active", page.Find("[data-program]").GetAttribute("data-program")));
        Assert.Equal("patients/pat_1/programs/new", page.FindAll("a").Single(a => a.TextContent == "New program").GetAttribute("href"));
    }

    [Fact]
    public void A_refused_follow_up_keeps_the_dialog_open_with_the_reason_next_to_the_email()
    {
        var page = PreviewedNew();
        Click(page, "Activate");
        Api.NextRefusal = new ApiProblem(null, "The request is not valid.", 400, null, new Dictionary<string, string[]> { ["followUp.email"] = ["is not an email address"] });

        page.Find("#follow-up-email").Change("ana");
        page.Find("form.activation").Submit();

        Assert.Equal("is not an email address", page.Find("#problem-followUp-email").TextContent.Trim());
        Assert.Empty(Api.Activated);
        Assert.NotNull(page.Find("form.activation"));
    }

    [Fact]
    public void A_412_while_activating_closes_the_dialog_and_offers_reload_without_activating()
    {
        var page = PreviewedNew();
        Click(page, "Save draft");
        Api.Stored["rx-1"] = Api.Stored["rx-1"] with { ETag = "\"v2\"" };
        Click(page, "Activate");

        page.Find("#follow-up-email").Change("ana@example.org");
        page.Find("form.activation").Submit();

        Assert.Equal("412", page.Find("[data-problem]").GetAttribute("data-problem"));
        Assert.Empty(page.FindAll("form.activation"));
        Assert.Empty(Api.Activated);
        Assert.NotNull(Button(page.Find("[data-problem]"), "Reload"));
    }

    [Fact]
    public void Rom_caps_precaution_tags_and_exclusions_are_sent_as_limits_with_the_next_preview()
    {
        Api.Choices = new LibraryChoices("v1", [new LibraryChoice("hop-test", "Single-leg hops", "plyometric", "home", 4, new Dose(), [], true, ForCondition: true)]);
        var page = PreviewedNew();

        Click(page, "Add a ROM cap");
        page.Find("#rom-joint-0").Change("ankle");
        page.Find("#rom-motion-0").Change("dorsiflexion");
        page.Find("#rom-degrees-0").Change("10");
        page.Find("#rom-mode-0").Change("active");
        page.FindAll(".chip input").First(input => input.ParentElement!.TextContent.Trim() == "no impact").Change(true);
        Click(page.Find(".library-choices"), "Show the exercises these limits allow");
        Click(page.Find("[data-choice='hop-test']"), "Exclude");
        Preview(page);

        var limits = Api.Previews[^1].Constraints;
        Assert.Equal([new RomCap("ankle", "dorsiflexion", 10, "active")], limits.RomLimits);
        Assert.Equal(["noImpact"], limits.Precautions);
        Assert.Equal(["hop-test"], limits.ExcludeExerciseIds);
        Assert.Null(limits.Equipment);
        Assert.Contains("Single-leg hops", page.Find(".exclusions").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<ProgramPage> RenderNew() => Render<ProgramPage>(p => p.Add(x => x.PatientId, "pat_1"));

    private static void Choose(IRenderedComponent<ProgramPage> page)
    {
        page.Find("#condition").Change("lateral-ankle-sprain");
        page.Find("#phase").Change("2");
        page.Find("#side").Change("left");
    }

    private static void Preview(IRenderedComponent<ProgramPage> page) => page.Find("form.builder").Submit();

    private IRenderedComponent<ProgramPage> PreviewedNew()
    {
        var page = RenderNew();
        Choose(page);
        Preview(page);
        return page;
    }

    private static IElement Item(IRenderedComponent<ProgramPage> page, string exerciseId) => page.Find($"li.program-item[data-exercise-id='{exerciseId}']");

    private static string[] ItemIds(IRenderedComponent<ProgramPage> page) =>
        [.. page.FindAll("li.program-item").Select(item => item.GetAttribute("data-exercise-id")!)];

    private static IElement Button(IElement scope, string text) =>
        scope.QuerySelectorAll("fluent-button").First(button => button.TextContent.Trim() == text);

    private static void Click(IElement scope, string text) => Button(scope, text).Click();

    private static void Click(IRenderedComponent<ProgramPage> page, string text) =>
        page.FindAll("fluent-button").First(button => button.TextContent.Trim() == text).Click();
}
