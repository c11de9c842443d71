namespace Prescriptions.Functions.Handouts;

/// <summary>
/// Elements printed together on one page (an exercise from its name to its last note), or, with
/// <paramref name="KeepWithNext"/>, a heading that goes to the page of the block after it.
/// </summary>
public sealed record HandoutBlock(IReadOnlyList<HandoutElement> Elements, bool KeepWithNext = false)
{
    public double Height => Elements.Sum(element => element.Height);
}
