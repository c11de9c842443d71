using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The shipped library as the one published version.</summary>
internal sealed class ShippedLibraryProvider : ILibraryProvider
{
    public ValueTask<ExerciseLibrary> GetCurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ShippedLibrary.Indexed);

    public ValueTask<ExerciseLibrary> GetVersionAsync(string version, CancellationToken cancellationToken) => ValueTask.FromResult(ShippedLibrary.Indexed);

    public void Invalidate()
    {
        // One version, never republished: nothing to forget.
    }
}
