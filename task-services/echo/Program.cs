using MolDash.EchoService.Echo;
using MolDash.EchoService.Endpoints;

// Port from --urls or ASPNETCORE_URLS; the instance name (shown in every output) from --instance-name
// or ECHO_INSTANCE_NAME, else the machine name.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(new EchoInstance(
    builder.Configuration["instance-name"] ?? builder.Configuration["ECHO_INSTANCE_NAME"] ?? Environment.MachineName));
builder.Services.AddSingleton<EchoRuns>();

var app = builder.Build();
app.MapServiceEndpoints();
app.MapEchoEndpoints();
app.MapRunEndpoints();
await app.RunAsync();
