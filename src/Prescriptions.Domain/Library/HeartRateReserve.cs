namespace Prescriptions.Domain.Library;

/// <summary>An intensity target as a share of heart-rate reserve (Karvonen), e.g. 60-80% for walking after a stroke.</summary>
public sealed record HeartRateReserve(int MinPercent, int MaxPercent);
