using System.Security.Cryptography;
using System.Text;

namespace Prescriptions.Functions.Fhir;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 8 with SHA-256, the RFC's own example of a name-based v8): the same name
/// always gives the same UUID, so the same prescription always gives the same bundle, and an EHR that imports
/// it twice can match resources by their urn:uuid.
/// </summary>
public static class DeterministicUuid
{
    /// <summary>This product's namespace, so our names never collide with another producer's.</summary>
    private static readonly Guid Namespace = new("5b0c7f3e-2f4a-4c53-9a51-9d2b6c1e8f01");

    public static Guid Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x80); // version 8
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(uuid, bigEndian: true);
    }

    /// <summary>The urn:uuid form FHIR bundles use for fullUrl and references.</summary>
    public static string Urn(Guid uuid) => $"urn:uuid:{uuid:D}";
}
