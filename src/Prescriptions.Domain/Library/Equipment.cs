namespace Prescriptions.Domain.Library;

/// <summary>Equipment an exercise needs. An exercise that lists none can be done anywhere.</summary>
public enum Equipment
{
    Chair,
    Wall,
    Mat,
    Towel,
    Band,
    Dumbbell,
    AnkleWeight,
    Kettlebell,
    Ball,
    FoamPad,
    BalanceBoard,
    Step,
    Bench,
    Table,
    Stick,
    Cone,
    Putty,
    Pulley,
    StationaryBike,
    Treadmill,
}
