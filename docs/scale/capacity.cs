// The arithmetic behind docs/scale.md: today's table layout against Azure Table Storage's scalability targets.
// Run: dotnet run docs/scale/capacity.cs   (a .NET 10 file-based program; no project needed)
// Every input is a named constant below; change one and read the table again.
using System.Globalization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Azure Table Storage targets (standard general-purpose v2 account, 1 KiB entities).
const double PartitionOpsPerSecond = 2_000;
const double AccountOpsPerSecond = 20_000;

// Entity operations per unit of work, counted from the code (see docs/scale.md for the list).
const double OpsPerReminder = 8;          // schedule: list read, claim, delete, add next; clinic: read prescription, read delivery, write delivery, read plan inputs
const double ScheduleOpsPerReminder = 4;  // of those, in the schedule's hour partition
const double OpsPerCheckIn = 24;          // read prescription, read the check-in window (up to 14 rows), alerts read, one batch of ~6 rows, readiness evidence
const double OpsPerCreate = 9;            // rx, patient index, EHR-id index, audit, outbox, worklist rows (work, workst, workpt), idempotency
const double RelayOpsPerEvent = 4;        // list read, claim, delete, delivery log

// The population.
const double Patients = 10_000_000;
const double RemindersPerPatientPerDay = 1;
const double CheckInsPerPatientPerDay = 1;
const double ShareOfDayInPeakHour = 0.20;   // evening: a fifth of a day's reminders and check-ins fall in the busiest hour
const double LargestZoneShare = 0.30;       // the share of patients in the largest time zone, all reminded at the same local hour

Console.WriteLine("Scale arithmetic (ops = entity operations; targets: 2,000 ops/s per partition, 20,000 ops/s per account)");
Console.WriteLine();

// 1. The follow-up schedule: PartitionKey = the UTC hour a message is due.
var remindersInHottestHour = Patients * RemindersPerPatientPerDay * LargestZoneShare;
var hourPartitionOps = remindersInHottestHour * ScheduleOpsPerReminder / 3600;
var hourPartitionCeiling = PartitionOpsPerSecond * 3600 / ScheduleOpsPerReminder;
Row("schedule hour partition, busiest hour", $"{remindersInHottestHour:N0} reminders due", hourPartitionOps, PartitionOpsPerSecond);
Console.WriteLine($"    one hour partition drains at most {hourPartitionCeiling:N0} reminders an hour: saturates above {hourPartitionCeiling / (RemindersPerPatientPerDay * LargestZoneShare):N0} patients");
Console.WriteLine($"    with 16 sub-partitions per hour (hash of the message id): {16 * hourPartitionCeiling:N0} an hour");

// 2. The account: every patient's day.
var opsPerPatientDay = RemindersPerPatientPerDay * OpsPerReminder + CheckInsPerPatientPerDay * OpsPerCheckIn;
var peakAccountOps = Patients * opsPerPatientDay * ShareOfDayInPeakHour / 3600;
var averageAccountOps = Patients * opsPerPatientDay / 86_400;
Row("account, average over the day", $"{opsPerPatientDay:N0} ops per patient-day", averageAccountOps, AccountOpsPerSecond);
Row("account, busiest hour", $"{ShareOfDayInPeakHour:P0} of a day in one hour", peakAccountOps, AccountOpsPerSecond);
var patientsPerAccount = AccountOpsPerSecond * 3600 / (opsPerPatientDay * ShareOfDayInPeakHour);
Console.WriteLine($"    one account carries about {patientsPerAccount:N0} patients at this peak; {Patients:N0} patients need {Math.Ceiling(Patients / patientsPerAccount * 1.5):N0} accounts with 50% headroom");

// 3. A partner importing a clinic's history into one clinic partition, with the relay delivering as it goes.
var createsPerSecond = PartitionOpsPerSecond / (OpsPerCreate + RelayOpsPerEvent);
const double History = 100_000;
Row("clinic partition, partner import", $"{History:N0} prescriptions", createsPerSecond * (OpsPerCreate + RelayOpsPerEvent), PartitionOpsPerSecond);
Console.WriteLine($"    one clinic partition takes at most {createsPerSecond:N0} creates/s with their events delivered: {History:N0} prescriptions in {History / createsPerSecond / 60:N1} min");
Console.WriteLine($"    without the relay in the same partition: {PartitionOpsPerSecond / OpsPerCreate:N0} creates/s");

// 4. Daily traffic of one large clinic's partition.
const double LargeClinicPatients = 20_000;
var clinicPeak = LargeClinicPatients * (CheckInsPerPatientPerDay * OpsPerCheckIn + RemindersPerPatientPerDay * (OpsPerReminder - ScheduleOpsPerReminder)) * ShareOfDayInPeakHour / 3600;
Row("clinic partition, busiest hour", $"{LargeClinicPatients:N0} active patients", clinicPeak, PartitionOpsPerSecond);
var clinicCeiling = PartitionOpsPerSecond * 3600 / ((CheckInsPerPatientPerDay * OpsPerCheckIn + RemindersPerPatientPerDay * (OpsPerReminder - ScheduleOpsPerReminder)) * ShareOfDayInPeakHour);
Console.WriteLine($"    one clinic partition carries about {clinicCeiling:N0} active patients at this peak");

static void Row(string what, string load, double opsPerSecond, double target) =>
    Console.WriteLine($"{what,-40} {load,-34} {opsPerSecond,9:N0} ops/s  {opsPerSecond / target,6:P0} of target{(opsPerSecond > target ? "  SATURATED" : string.Empty)}");
