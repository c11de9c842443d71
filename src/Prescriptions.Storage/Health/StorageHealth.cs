namespace Prescriptions.Storage.Health;

public sealed record StorageHealth(bool Blobs, bool Tables)
{
    public bool IsHealthy => Blobs && Tables;
}
