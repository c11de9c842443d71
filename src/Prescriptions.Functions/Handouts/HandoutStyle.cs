using PdfSharp.Drawing;

namespace Prescriptions.Functions.Handouts;

/// <summary>
/// The handout's type: black on white, body 13 pt (patient material asks for 12 pt or more), bold headings, and line
/// spacing of 1.35 so older eyes keep their place.
/// </summary>
public sealed class HandoutStyle
{
    public const double LineSpacing = 1.35;

    public XFont Title { get; } = new(HandoutFontResolver.Family, 22, XFontStyleEx.Bold);
    public XFont Heading { get; } = new(HandoutFontResolver.Family, 17, XFontStyleEx.Bold);
    public XFont ExerciseName { get; } = new(HandoutFontResolver.Family, 15, XFontStyleEx.Bold);
    public XFont Label { get; } = new(HandoutFontResolver.Family, 13, XFontStyleEx.Bold);
    public XFont Body { get; } = new(HandoutFontResolver.Family, 13, XFontStyleEx.Regular);

    /// <summary>Page numbers and the web address: still 12 pt, the smallest the handout prints.</summary>
    public XFont Small { get; } = new(HandoutFontResolver.Family, 12, XFontStyleEx.Regular);

    public static double LineHeight(XFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        return font.Size * LineSpacing;
    }
}
