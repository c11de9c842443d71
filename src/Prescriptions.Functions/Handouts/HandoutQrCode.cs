using PdfSharp.Drawing;
using QRCoder;

namespace Prescriptions.Functions.Handouts;

/// <summary>
/// The check-in link as a QR code: its modules (with the standard quiet zone of four), drawn as vector squares so
/// it prints sharp at any size and needs no image codec.
/// </summary>
public static class HandoutQrCode
{
    /// <summary>Dark (true) or light modules, row by row, quiet zone included. Error correction M survives a crease or a smudge.</summary>
    public static bool[,] Modules(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var modules = new bool[rows.Count, rows.Count];
        for (var row = 0; row < rows.Count; row++)
        {
            for (var column = 0; column < rows.Count; column++)
            {
                modules[row, column] = rows[row][column];
            }
        }

        return modules;
    }

    /// <summary>Draws the code as a square of <paramref name="size"/> points; each row's runs of dark modules are one rectangle.</summary>
    public static void Draw(XGraphics graphics, bool[,] modules, double left, double top, double size)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        ArgumentNullException.ThrowIfNull(modules);
        var count = modules.GetLength(0);
        var module = size / count;
        graphics.DrawRectangle(XBrushes.White, left, top, size, size);
        for (var row = 0; row < count; row++)
        {
            var column = 0;
            while (column < count)
            {
                if (!modules[row, column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < count && modules[row, column])
                {
                    column++;
                }

                // A hair of overlap keeps viewers from drawing seams between neighbouring modules.
                graphics.DrawRectangle(XBrushes.Black, left + (start * module), top + (row * module), ((column - start) * module) + 0.05, module + 0.05);
            }
        }
    }
}
