using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Prescriptions.Application.Handouts;

namespace Prescriptions.Functions.Handouts;

/// <summary>
/// Draws a handout as a PDF: blocks placed top to bottom, a block that does not fit the rest of a page starts the next
/// one (an exercise is never split; a heading goes with what follows it), and "Page 1 of 3" at the foot of each page.
/// </summary>
public static class HandoutPdf
{
    public const string ContentType = "application/pdf";

    private const double Margin = 54;
    private const double FooterHeight = 36;

    public static (double Width, double Height) PagePoints(PaperSize paper) => paper switch
    {
        PaperSize.Letter => (612, 792),
        _ => (595, 842),
    };

    public static byte[] Render(Handout handout, PaperSize paper)
    {
        ArgumentNullException.ThrowIfNull(handout);
        HandoutFontResolver.Install();
        var (pageWidth, pageHeight) = PagePoints(paper);
        var style = new HandoutStyle();
        var columnWidth = pageWidth - (2 * Margin);
        var bottom = pageHeight - Margin - FooterHeight;

        using var document = new PdfDocument();
        document.Info.Title = handout.Labels.Title;
        document.Info.Creator = "Prescriptions";
        document.Language = handout.Labels.Language;
        document.Options.CompressContentStreams = true;

        IReadOnlyList<HandoutBlock> blocks;
        using (var measure = XGraphics.CreateMeasureContext(new XSize(pageWidth, pageHeight), XGraphicsUnit.Point, XPageDirection.Downwards))
        {
            blocks = new HandoutLayout(measure, style, columnWidth).Blocks(handout);
        }

        XGraphics? graphics = null;
        var y = 0.0;
        void NewPage()
        {
            graphics?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(pageWidth);
            page.Height = XUnit.FromPoint(pageHeight);
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        NewPage();
        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index];
            var needed = block.KeepWithNext && index + 1 < blocks.Count ? block.Height + blocks[index + 1].Height : block.Height;
            var pageIsFresh = y <= Margin;
            if (y + needed > bottom && !pageIsFresh && needed <= bottom - Margin)
            {
                NewPage();
            }

            foreach (var element in block.Elements)
            {
                // Only a block taller than a whole page ever breaks inside; it breaks between its lines.
                if (y + element.Height > bottom && y > Margin)
                {
                    NewPage();
                }

                // At the top of a page the space before an element, and a rule between exercises, mean nothing.
                var atTop = y <= Margin;
                if (atTop && element is HandoutRule)
                {
                    continue;
                }

                var skipped = atTop ? element.SpaceBefore : 0;
                element.Draw(graphics!, Margin, y - skipped);
                y += element.Height - skipped;
            }
        }

        graphics?.Dispose();
        NumberPages(document, style, bottom, handout.Labels);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void NumberPages(PdfDocument document, HandoutStyle style, double bottom, HandoutLabels labels)
    {
        for (var index = 0; index < document.PageCount; index++)
        {
            var page = document.Pages[index];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = string.Format(CultureInfo.GetCultureInfo(labels.Language), labels.PageOf, index + 1, document.PageCount);
            var area = new XRect(Margin, bottom + (FooterHeight / 2), page.Width.Point - (2 * Margin), HandoutStyle.LineHeight(style.Small));
            graphics.DrawString(text, style.Small, XBrushes.Black, area, XStringFormats.TopCenter);
        }
    }
}
