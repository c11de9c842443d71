using System.Globalization;
using PdfSharp.Drawing;
using Prescriptions.Application.Handouts;

namespace Prescriptions.Functions.Handouts;

/// <summary>
/// Turns a handout's words into measured blocks for a column of a given width: the heading, each exercise as one
/// block that is never split, when to stop, and the check-in code. Text is broken into lines by measuring it.
/// </summary>
public sealed class HandoutLayout(XGraphics measure, HandoutStyle style, double width)
{
    /// <summary>Room left of a step's or a point's text for its number or bullet.</summary>
    public const double MarkerWidth = 22;

    public const double QrSize = 140;

    private const double Paragraph = 6;
    private const double SectionSpace = 16;

    public IReadOnlyList<HandoutBlock> Blocks(Handout handout)
    {
        ArgumentNullException.ThrowIfNull(handout);
        var blocks = new List<HandoutBlock> { Heading(handout) };

        blocks.Add(new HandoutBlock([.. Section(handout.Labels.Exercises, SectionSpace)], KeepWithNext: true));
        for (var index = 0; index < handout.Exercises.Count; index++)
        {
            blocks.Add(Exercise(index + 1, handout.Exercises[index], handout.Labels, first: index == 0));
        }

        blocks.Add(new HandoutBlock([.. Section(handout.Labels.WhenToStop, SectionSpace * 1.5)], KeepWithNext: true));
        if (handout.ProgrammeStopRules.Count > 0)
        {
            blocks.Add(new HandoutBlock([.. Label(handout.Labels.ForThisStage, Paragraph), .. Points(handout.ProgrammeStopRules)]));
        }

        blocks.Add(new HandoutBlock(
        [
            .. Label(handout.Labels.StopAndCall, SectionSpace / 2),
            .. Points(handout.StopAndCall),
            .. Lines(handout.Emergency, style.Label, 0, null, Paragraph * 2),
        ]));

        if (handout.CheckInLink is { } link)
        {
            blocks.Add(CheckIn(link, handout.Labels));
        }

        return blocks;
    }

    private HandoutBlock Heading(Handout handout)
    {
        var elements = new List<HandoutElement>();
        elements.AddRange(Lines(handout.ClinicName, style.Label, 0, null, 0));
        elements.AddRange(Lines(handout.Labels.Title, style.Title, 0, null, Paragraph));
        if (handout.ForLine is { } forLine)
        {
            elements.AddRange(Lines(forLine, style.Heading, 0, null, Paragraph));
        }

        elements.AddRange(Lines($"{handout.ConditionName}. {handout.PhaseText}.", style.Body, 0, null, Paragraph));
        if (handout.StartLine is { } startLine)
        {
            elements.AddRange(Lines(startLine, style.Body, 0, null, 0));
        }

        elements.AddRange(Lines(handout.PrintedLine, style.Body, 0, null, 0));
        elements.AddRange(Lines(handout.Labels.Intro, style.Body, 0, null, Paragraph * 2));
        return new HandoutBlock(elements);
    }

    private HandoutBlock Exercise(int number, HandoutExercise exercise, HandoutLabels labels, bool first)
    {
        var elements = new List<HandoutElement>();
        if (!first)
        {
            elements.Add(new HandoutRule(width, SectionSpace / 2));
        }

        elements.AddRange(Lines($"{number}. {exercise.Name}", style.ExerciseName, 0, null, first ? Paragraph : 0));
        if (exercise.Summary is { } summary)
        {
            elements.AddRange(Lines(summary, style.Body, 0, null, Paragraph / 2));
        }

        elements.AddRange(Lines(string.Format(CultureInfo.GetCultureInfo(labels.Language), labels.HowMuch, exercise.Dose), style.Label, 0, null, Paragraph));
        elements.AddRange(Label(labels.Steps, Paragraph));
        for (var step = 0; step < exercise.Steps.Count; step++)
        {
            elements.AddRange(Lines(exercise.Steps[step], style.Body, MarkerWidth, $"{step + 1}.", 2));
        }

        if (exercise.Tips.Count > 0)
        {
            elements.AddRange(Label(labels.Tips, Paragraph));
            elements.AddRange(Points(exercise.Tips));
        }

        if (exercise.Safety.Count > 0)
        {
            elements.AddRange(Label(labels.TakeCare, Paragraph));
            elements.AddRange(Points(exercise.Safety));
        }

        if (exercise.TherapistNotes is { } notes)
        {
            elements.AddRange(Label(labels.Note, Paragraph));
            elements.AddRange(Lines(notes, style.Body, 0, null, 0));
        }

        return new HandoutBlock(elements);
    }

    private HandoutBlock CheckIn(Uri link, HandoutLabels labels)
    {
        var elements = new List<HandoutElement>();
        elements.AddRange(Section(labels.CheckInTitle, SectionSpace * 1.5));
        elements.AddRange(Lines(labels.CheckInText, style.Body, 0, null, Paragraph));
        elements.Add(new HandoutQrElement(HandoutQrCode.Modules(link), QrSize, Paragraph));
        elements.AddRange(Lines(link.AbsoluteUri, style.Small, 0, null, Paragraph));
        return new HandoutBlock(elements);
    }

    private IEnumerable<HandoutElement> Section(string title, double spaceBefore) => Lines(title, style.Heading, 0, null, spaceBefore);

    private IEnumerable<HandoutElement> Label(string text, double spaceBefore) => Lines(text, style.Label, 0, null, spaceBefore);

    private IEnumerable<HandoutElement> Points(IEnumerable<string> points) =>
        points.SelectMany(point => Lines(point, style.Body, MarkerWidth, "•", 2));

    /// <summary>The text broken to the column; the marker and the space before go with the first line only.</summary>
    private IEnumerable<HandoutElement> Lines(string text, XFont font, double indent, string? marker, double spaceBefore) =>
        LineBreaker.Wrap(text, width - indent, part => measure.MeasureString(part, font).Width)
            .Select((line, index) => new HandoutTextLine(line, font, indent, index == 0 ? marker : null, index == 0 ? spaceBefore : 0));
}
