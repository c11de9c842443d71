using System.Net;
using System.Net.Sockets;

namespace Prescriptions.Testing;

/// <summary>Free TCP ports on 127.0.0.1, found by letting the OS pick one and releasing it.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
