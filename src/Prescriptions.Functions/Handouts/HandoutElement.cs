using PdfSharp.Drawing;

namespace Prescriptions.Functions.Handouts;

/// <summary>One measured piece of a handout page: a line of text, a rule, or the QR code. Its height is known before it is drawn.</summary>
public abstract record HandoutElement(double SpaceBefore)
{
    /// <summary>The height it takes on the page, the space before it included.</summary>
    public abstract double Height { get; }

    public abstract void Draw(XGraphics graphics, double left, double top);
}

/// <summary>A line of text already broken to fit; a marker ("1.", "•") hangs to the left of the text's indent.</summary>
public sealed record HandoutTextLine(string Text, XFont Font, double Indent, string? Marker, double SpaceBefore) : HandoutElement(SpaceBefore)
{
    public override double Height => SpaceBefore + HandoutStyle.LineHeight(Font);

    public override void Draw(XGraphics graphics, double left, double top)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        var y = top + SpaceBefore;
        if (Marker is not null)
        {
            graphics.DrawString(Marker, Font, XBrushes.Black, left + Indent - HandoutLayout.MarkerWidth, y, XStringFormats.TopLeft);
        }

        graphics.DrawString(Text, Font, XBrushes.Black, left + Indent, y, XStringFormats.TopLeft);
    }
}

/// <summary>A thin line across the text column between exercises.</summary>
public sealed record HandoutRule(double Width, double SpaceBefore) : HandoutElement(SpaceBefore)
{
    private const double SpaceAfter = 8;

    public override double Height => SpaceBefore + SpaceAfter;

    public override void Draw(XGraphics graphics, double left, double top)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        graphics.DrawLine(new XPen(XColors.Black, 0.75), left, top + SpaceBefore, left + Width, top + SpaceBefore);
    }
}

/// <summary>The check-in link's QR code, a square of <paramref name="Size"/> points.</summary>
public sealed record HandoutQrElement(bool[,] Modules, double Size, double SpaceBefore) : HandoutElement(SpaceBefore)
{
    public override double Height => SpaceBefore + Size;

    public override void Draw(XGraphics graphics, double left, double top) =>
        HandoutQrCode.Draw(graphics, Modules, left, top + SpaceBefore, Size);
}
