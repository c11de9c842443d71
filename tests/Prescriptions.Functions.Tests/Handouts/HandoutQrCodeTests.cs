using Prescriptions.Functions.Handouts;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Prescriptions.Functions.Tests.Handouts;

/// <summary>The code the handout draws decodes, with a phone-camera decoder (ZXing), to the check-in link itself.</summary>
public sealed class HandoutQrCodeTests
{
    [Fact]
    public void The_code_decodes_to_the_check_in_link()
    {
        var modules = HandoutQrCode.Modules(HandoutSamples.CheckInLink);

        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(Raster(modules, pixelsPerModule: 4))));

        Assert.NotNull(result);
        Assert.Equal(HandoutSamples.CheckInLink.AbsoluteUri, result.Text);
    }

    [Fact]
    public void The_code_keeps_its_quiet_zone_of_four_light_modules()
    {
        var modules = HandoutQrCode.Modules(HandoutSamples.CheckInLink);
        var size = modules.GetLength(0);

        for (var i = 0; i < size; i++)
        {
            for (var edge = 0; edge < 4; edge++)
            {
                Assert.False(modules[edge, i] || modules[size - 1 - edge, i] || modules[i, edge] || modules[i, size - 1 - edge]);
            }
        }
    }

    /// <summary>The rectangles the handout draws for a code: one per run of dark modules in a row.</summary>
    internal static int DarkRuns(bool[,] modules)
    {
        var runs = 0;
        for (var row = 0; row < modules.GetLength(0); row++)
        {
            for (var column = 0; column < modules.GetLength(1); column++)
            {
                if (modules[row, column] && (column == 0 || !modules[row, column - 1]))
                {
                    runs++;
                }
            }
        }

        return runs;
    }

    /// <summary>The modules as an 8-bit grey image, black on white, as a camera would see the printed square.</summary>
    private static RGBLuminanceSource Raster(bool[,] modules, int pixelsPerModule)
    {
        var size = modules.GetLength(0) * pixelsPerModule;
        var pixels = new byte[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                pixels[(y * size) + x] = modules[y / pixelsPerModule, x / pixelsPerModule] ? (byte)0 : (byte)255;
            }
        }

        return new RGBLuminanceSource(pixels, size, size, RGBLuminanceSource.BitmapFormat.Gray8);
    }
}
