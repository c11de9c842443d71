using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Prescriptions.Functions.Tests.Handouts;

/// <summary>A PDF read back with PdfPig: each page's size, its letters and its text with all white space removed (so wrapped lines still match).</summary>
internal sealed class PdfPages
{
    private PdfPages(IReadOnlyList<PdfPageRead> pages) => Pages = pages;

    public IReadOnlyList<PdfPageRead> Pages { get; }

    public static PdfPages Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return new PdfPages([.. document.GetPages().Select(page => new PdfPageRead(
            page.Number,
            page.Width,
            page.Height,
            [.. page.Letters.Where(letter => !string.IsNullOrWhiteSpace(letter.Value))],
            Compact(string.Concat(page.Letters.Select(letter => letter.Value))),
            page.Paths.Count(path => path.IsFilled)))]);
    }

    /// <summary>The first page whose text holds <paramref name="text"/> (white space ignored); 0 when none does.</summary>
    public int PageOf(string text) => Pages.FirstOrDefault(page => page.Text.Contains(Compact(text), StringComparison.Ordinal))?.Number ?? 0;

    public bool Contains(string text) => PageOf(text) > 0;

    public static string Compact(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}

internal sealed record PdfPageRead(int Number, double Width, double Height, IReadOnlyList<Letter> Letters, string Text, int FilledPaths);
