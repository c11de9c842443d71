namespace Prescriptions.Domain.Library;

public enum Comparator
{
    Lt,
    Lte,
    Eq,
    Gte,
    Gt,
}
