namespace Prescriptions.Portal.Patients;

/// <summary>One check-in on the pain chart: the day, both pains (0-10) and where they are drawn.</summary>
public sealed record PainPoint(DateOnly Date, int PainNow, int PainDuringExercise, double X, double YNow, double YDuringExercise);
