namespace Prescriptions.Domain.Library;

/// <summary>What an exercise trains. The first five are the neuromuscular re-education (NMR) categories.</summary>
public enum ExerciseCategory
{
    Balance,
    Proprioception,
    CoreControl,
    MotorControl,
    Coordination,
    Strength,
    RangeOfMotion,
    Flexibility,
    Functional,
    Gait,
    Plyometric,
    Aerobic,
    ManualTherapy,
}
