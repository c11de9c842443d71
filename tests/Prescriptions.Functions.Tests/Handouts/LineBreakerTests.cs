using Prescriptions.Functions.Handouts;

namespace Prescriptions.Functions.Tests.Handouts;

/// <summary>Lines break at spaces by measured width; only a word wider than the line is cut.</summary>
public sealed class LineBreakerTests
{
    // One unit per character: widths are easy to reason about.
    private static double Measure(string text) => text.Length;

    [Fact]
    public void Words_fill_a_line_up_to_its_width_and_move_on_whole()
    {
        var lines = LineBreaker.Wrap("Stand tall and lift your heel slowly", 16, Measure);

        Assert.Equal(["Stand tall and", "lift your heel", "slowly"], lines);
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_where_it_stops_fitting()
    {
        var lines = LineBreaker.Wrap("Open https://rx.example/api/checkin/abcdef", 12, Measure);

        Assert.Equal(["Open", "https://rx.e", "xample/api/c", "heckin/abcde", "f"], lines);
        Assert.All(lines, line => Assert.True(line.Length <= 12));
    }

    [Fact]
    public void Empty_text_is_one_empty_line_and_repeated_spaces_collapse()
    {
        Assert.Equal([string.Empty], LineBreaker.Wrap(string.Empty, 10, Measure));
        Assert.Equal(["a b"], LineBreaker.Wrap("a   b", 10, Measure));
    }
}
