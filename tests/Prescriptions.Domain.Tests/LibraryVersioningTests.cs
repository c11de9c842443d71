using Prescriptions.Testing;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Tests;

public sealed class LibraryVersioningTests
{
    [Fact]
    public void The_version_depends_on_content_not_on_file_order()
    {
        var content = ShippedLibrary.Content;
        var shuffled = content with { Exercises = [.. content.Exercises.Reverse()], Conditions = [.. content.Conditions.Reverse()] };

        Assert.Equal(
            LibraryVersioning.ComputeVersion(LibraryVersioning.Serialize(content)),
            LibraryVersioning.ComputeVersion(LibraryVersioning.Serialize(shuffled)));
    }

    [Fact]
    public void Any_change_gives_a_new_version()
    {
        var content = ShippedLibrary.Content;
        var changed = content with { Exercises = [content.Exercises[0] with { Summary = content.Exercises[0].Summary + "!" }, .. content.Exercises.Skip(1)] };

        Assert.NotEqual(
            LibraryVersioning.ComputeVersion(LibraryVersioning.Serialize(content)),
            LibraryVersioning.ComputeVersion(LibraryVersioning.Serialize(changed)));
    }

    [Fact]
    public void The_document_round_trips()
    {
        var document = LibraryVersioning.Serialize(ShippedLibrary.Content);

        var again = LibraryVersioning.Serialize(LibraryVersioning.Deserialize(document));

        Assert.Equal(document, again);
        Assert.Matches("^[0-9a-f]{16}$", LibraryVersioning.ComputeVersion(document));
    }
}
