namespace Prescriptions.LocalHost.Tests.Samples;

/// <summary>A service the sample functions get from DI.</summary>
public sealed class Greeter(string salutation = "Hello")
{
    public string Greet(string name) => $"{salutation}, {name}!";
}
