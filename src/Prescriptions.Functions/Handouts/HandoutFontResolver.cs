using PdfSharp.Fonts;

namespace Prescriptions.Functions.Handouts;

/// <summary>
/// Serves the handout's fonts from this assembly: DejaVu Sans, regular and bold (Bitstream Vera licence, beside the
/// files). Azure Flex Consumption has no system fonts, and PDFsharp's Core build never reads them on Linux anyway.
/// </summary>
public sealed class HandoutFontResolver : IFontResolver
{
    /// <summary>The family name the layout asks for; any other family is refused, so no font is ever guessed.</summary>
    public const string Family = "Handout Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private static readonly Lock InstallLock = new();

    /// <summary>Makes this PDFsharp's font resolver for the process (PDFsharp has one, global); safe to call again.</summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is not HandoutFontResolver)
            {
                GlobalFontSettings.FontResolver = new HandoutFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? BoldFace : RegularFace)
            : null;

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(HandoutFontResolver).Assembly.GetManifestResourceStream($"Prescriptions.Functions.Handouts.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
