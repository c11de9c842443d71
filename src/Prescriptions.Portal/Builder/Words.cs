using System.Text;

namespace Prescriptions.Portal.Builder;

/// <summary>An API value in words: "toeTouch" becomes "toe touch", "noOpenChainKneeExtension" "no open chain knee extension".</summary>
public static class Words
{
    public static string Of(string value)
    {
        var text = new StringBuilder(value.Length + 4);
        foreach (var letter in value)
        {
            if (char.IsUpper(letter) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(letter));
        }

        return text.ToString();
    }

    /// <summary>The same, with a capital first letter, for an option or a heading.</summary>
    public static string Capitalised(string value) => Of(value) is { Length: > 0 } words ? char.ToUpperInvariant(words[0]) + words[1..] : value;
}
