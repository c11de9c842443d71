using Prescriptions.Domain.Library;

namespace Prescriptions.Benchmarks;

/// <summary>
/// A synthetic library ten times the shipped one: every exercise copied ten times (links kept within each
/// copy) and the same conditions, so every slot has ten times the candidates.
/// </summary>
public static class TenfoldLibrary
{
    public static LibraryContent From(LibraryContent shipped, int factor = 10)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        string Copy(string id, int k) => k == 0 ? id : $"{id}-copy{k}";
        var exercises = Enumerable.Range(0, factor).SelectMany(k => shipped.Exercises.Select(e => e with
        {
            Id = Copy(e.Id, k),
            ProgressionId = e.ProgressionId is null ? null : Copy(e.ProgressionId, k),
            RegressionId = e.RegressionId is null ? null : Copy(e.RegressionId, k),
        })).ToArray();
        return new LibraryContent(exercises, shipped.Conditions);
    }
}
