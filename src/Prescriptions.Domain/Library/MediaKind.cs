namespace Prescriptions.Domain.Library;

public enum MediaKind
{
    Image,
    Video,
}
