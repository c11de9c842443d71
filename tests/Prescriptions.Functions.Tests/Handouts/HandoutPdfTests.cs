using System.Globalization;
using Prescriptions.Application.Handouts;
using Prescriptions.Domain.Library;
using Prescriptions.Functions.Handouts;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests.Handouts;

/// <summary>The handout PDF read back: the patient's words, each exercise whole on one page, type of 12 pt or more, pages numbered and within the paper.</summary>
public sealed class HandoutPdfTests
{
    public static TheoryData<string> Conditions => HandoutSamples.Conditions();

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Every_conditions_phase_2_handout_reads_back_whole_on_A4_and_on_Letter(string conditionId)
    {
        var handout = HandoutSamples.Handout(conditionId);
        Assert.NotEmpty(handout.Exercises);

        foreach (var paper in new[] { PaperSize.A4, PaperSize.Letter })
        {
            var pdf = PdfPages.Read(HandoutPdf.Render(handout, paper));
            var (width, height) = HandoutPdf.PagePoints(paper);

            Assert.All(pdf.Pages, page => Assert.Equal((width, height), (page.Width, page.Height)));
            Assert.All(pdf.Pages, page => Assert.All(page.Letters, letter =>
            {
                Assert.True(letter.PointSize >= 12, $"'{letter.Value}' on page {page.Number} is {letter.PointSize} pt");
                Assert.InRange(letter.BoundingBox.Left, 0, width);
                Assert.InRange(letter.BoundingBox.Right, 0, width);
                Assert.InRange(letter.BoundingBox.Bottom, 0, height);
                Assert.InRange(letter.BoundingBox.Top, 0, height);
            }));
            Assert.True(pdf.Contains("For Ana"), "the patient's first name");
            Assert.True(pdf.Contains("Riverside Physio"), "the clinic");
            Assert.True(pdf.Contains("Start date: 23 November 2026") && pdf.Contains("Printed on: 24 November 2026"), "the dates");
            Assert.True(pdf.Contains(handout.PhaseText), "the phase");
            for (var index = 0; index < handout.Exercises.Count; index++)
            {
                var exercise = handout.Exercises[index];
                var namePage = pdf.PageOf($"{index + 1}. {exercise.Name}");
                Assert.True(namePage > 0, $"{exercise.Name} is missing");
                var page = pdf.Pages[namePage - 1];
                // The whole exercise is on the page of its name: the dose, every step, the last note.
                Assert.Contains(PdfPages.Compact($"How much: {exercise.Dose}."), page.Text, StringComparison.Ordinal);
                Assert.All(exercise.Steps, step => Assert.Contains(PdfPages.Compact(step), page.Text, StringComparison.Ordinal));
                Assert.All(exercise.Safety, note => Assert.Contains(PdfPages.Compact(note), page.Text, StringComparison.Ordinal));
            }

            Assert.True(pdf.Contains("When to stop") && pdf.Contains("Stop and call us if:"), "the stop section");
            Assert.All(handout.StopAndCall, rule => Assert.True(pdf.Contains(rule), rule));
            Assert.All(handout.ProgrammeStopRules, rule => Assert.True(pdf.Contains(rule), rule));
            Assert.True(pdf.Contains(handout.Emergency), "the emergency line");
            Assert.True(pdf.Contains(HandoutSamples.CheckInLink.AbsoluteUri), "the check-in address");
            Assert.All(pdf.Pages, page => Assert.Contains(PdfPages.Compact(string.Create(CultureInfo.InvariantCulture, $"Page {page.Number} of {pdf.Pages.Count}")), page.Text, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("stroke-hemiparesis")]
    [InlineData("concussion")]
    public void A_Spanish_handout_prints_the_phases_stop_rules_in_Spanish(string conditionId)
    {
        var prescription = HandoutSamples.Prescription(conditionId);
        var phase = ShippedLibrary.Indexed.FindCondition(conditionId)!.FindPhase(prescription.Phase)!;
        var doses = prescription.Items.Where(item => item.Delivery == Delivery.Home).Select(item => phase.DoseProfile.For(item.Category)).OfType<CategoryDose>().Where(dose => dose.StopRules.Count > 0).ToList();
        var handout = HandoutContent.Build(prescription, ShippedLibrary.Indexed, "Riverside Physio", new DateOnly(2026, 11, 24), HandoutSamples.CheckInLink, HandoutSamples.In("es"));

        var pdf = PdfPages.Read(HandoutPdf.Render(handout, PaperSize.A4));

        Assert.NotEmpty(doses);
        Assert.Equal(doses.SelectMany(dose => dose.Translations["es"].StopRules).Distinct(StringComparer.Ordinal), handout.ProgrammeStopRules);
        Assert.All(handout.ProgrammeStopRules, rule => Assert.True(pdf.Contains(rule), rule));
        Assert.All(doses.SelectMany(dose => dose.StopRules), rule => Assert.False(pdf.Contains(rule), $"English in a Spanish handout: {rule}"));
    }

    [Theory]
    [InlineData("lateral-ankle-sprain")]
    [InlineData("total-knee-arthroplasty")]
    public void A_Spanish_handout_prints_the_condition_and_phase_names_in_Spanish(string conditionId)
    {
        var prescription = HandoutSamples.Prescription(conditionId);
        var condition = ShippedLibrary.Indexed.FindCondition(conditionId)!;
        var phase = condition.FindPhase(prescription.Phase)!;
        var handout = HandoutContent.Build(prescription, ShippedLibrary.Indexed, "Riverside Physio", new DateOnly(2026, 11, 24), HandoutSamples.CheckInLink, HandoutSamples.In("es"));

        var pdf = PdfPages.Read(HandoutPdf.Render(handout, PaperSize.A4));

        Assert.True(pdf.Contains($"{condition.Translations["es"].Name}. Fase {phase.Number} de {condition.Phases.Count}: {phase.Translations["es"].Name}."), "the Spanish names");
        Assert.False(pdf.Contains(condition.Name), $"English in a Spanish handout: {condition.Name}");
        Assert.False(pdf.Contains(phase.Name), $"English in a Spanish handout: {phase.Name}");
    }

    [Fact]
    public void The_QR_code_is_drawn_beside_the_address_it_encodes()
    {
        var handout = HandoutSamples.Handout("lateral-ankle-sprain");

        var pdf = PdfPages.Read(HandoutPdf.Render(handout, PaperSize.A4));

        var page = pdf.Pages[pdf.PageOf(HandoutSamples.CheckInLink.AbsoluteUri) - 1];
        // One filled rectangle per run of dark modules in a row, plus the code's white ground.
        Assert.Equal(HandoutQrCodeTests.DarkRuns(HandoutQrCode.Modules(HandoutSamples.CheckInLink)) + 1, page.FilledPaths);
        Assert.Contains(PdfPages.Compact("Scan this code with your phone's camera"), page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_follow_ups_there_is_no_code_and_without_a_first_name_no_greeting()
    {
        var handout = HandoutSamples.Handout("lateral-ankle-sprain", firstName: null) with { CheckInLink = null };

        var pdf = PdfPages.Read(HandoutPdf.Render(handout, PaperSize.A4));

        Assert.False(pdf.Contains("Tell us how it is going"));
        Assert.All(pdf.Pages, page => Assert.Equal(0, page.FilledPaths));
        Assert.False(pdf.Contains("For "));
        Assert.True(pdf.Contains("Your home exercises"));
    }

    [Fact]
    public void The_therapists_notes_are_printed_with_their_exercise()
    {
        var handout = HandoutSamples.Handout("total-knee-arthroplasty", notes: "Use the kitchen counter for balance.");

        var pdf = PdfPages.Read(HandoutPdf.Render(handout, PaperSize.A4));

        var page = pdf.Pages[pdf.PageOf($"1. {handout.Exercises[0].Name}") - 1];
        Assert.Contains(PdfPages.Compact("Note from your therapist: Use the kitchen counter for balance."), page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exercise_that_does_not_fit_the_rest_of_a_page_starts_the_next_one()
    {
        // Long steps push the exercises past the first page: none may be split.
        var baseline = HandoutSamples.Handout("lateral-ankle-sprain");
        var longSteps = Enumerable.Range(1, 6).Select(step => $"Step {step}: hold the position, breathe out slowly and keep your knee in line with your second toe the whole time.").ToList();
        var handout = baseline with { Exercises = [.. baseline.Exercises.Select(exercise => exercise with { Steps = longSteps })] };

        var pdf = PdfPages.Read(HandoutPdf.Render(handout, PaperSize.Letter));

        Assert.True(pdf.Pages.Count >= 3);
        for (var index = 0; index < handout.Exercises.Count; index++)
        {
            var page = pdf.Pages[pdf.PageOf($"{index + 1}. {handout.Exercises[index].Name}") - 1];
            var stepsOnPage = System.Text.RegularExpressions.Regex.Count(page.Text, System.Text.RegularExpressions.Regex.Escape(PdfPages.Compact(longSteps[^1])));
            var namesOnPage = handout.Exercises.Select((exercise, i) => $"{i + 1}. {exercise.Name}").Count(name => page.Text.Contains(PdfPages.Compact(name), StringComparison.Ordinal));
            Assert.Equal(namesOnPage, stepsOnPage);
        }
    }
}
