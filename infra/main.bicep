// Action Plan Bot on Azure: a Linux web app running the bot, a storage account for its tables,
// and an Azure Bot registration with the Teams channel. Deploy into a resource group:
//   az deployment group create -g <group> -f infra/main.bicep -p resourceBaseName=... (see docs/deploy.md)

@minLength(3)
@maxLength(20)
@description('Base of every resource name (letters, digits and hyphens). The web app becomes <name>.azurewebsites.net, so it must be unique across Azure.')
param resourceBaseName string

@description('Azure region of the web app and storage account.')
param location string = resourceGroup().location

@description('App Service plan size. Always On needs Basic (B1) or above.')
param appServiceSku string = 'B1'

@description('Runtime of the web app: Node.js 22 LTS (Node.js 20 reached end of life in April 2026).')
param linuxFxVersion string = 'NODE|22-lts'

@description('Redundancy of the storage account that holds the plans and their audit trail.')
param storageSku string = 'Standard_LRS'

@description('Application (client) ID of the bot\'s Entra app registration: MicrosoftAppId.')
param botAppId string

@secure()
@description('Client secret of that app registration: MicrosoftAppPassword.')
param botAppPassword string

@allowed([
  'SingleTenant'
  'MultiTenant'
])
@description('Kind of app registration. SingleTenant (the council\'s own tenant only) is recommended.')
param botAppType string = 'SingleTenant'

@description('Tenant ID of the council: MicrosoftAppTenantId.')
param botAppTenantId string = tenant().tenantId

@maxLength(42)
@description('Name of the Azure Bot resource as shown in the Azure portal.')
param botDisplayName string = 'Action Plan Bot'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier. Teams is a standard channel, so F0 (free) is enough.')
param botSku string = 'F0'

@secure()
@minLength(16)
@description('Bearer secret an external timer sends to POST /api/jobs/*: JOBS_SECRET.')
param jobsSecret string

@description('Time zone for due dates and the schedule: TIMEZONE.')
param timezone string = 'Europe/London'

@description('Who people not in the directory are told to ask: ADMIN_CONTACT.')
param adminContact string = 'your democratic services team'

@description('Prefix of the table names: TABLE_PREFIX.')
param tablePrefix string = 'apb'

@description('Send prompts and digests from inside the web app on their schedule (SCHEDULER). Set false if an external timer calls /api/jobs/* instead.')
param scheduler bool = true

@description('When prompts, digests and channel summaries go out and when to escalate. The defaults are the bot\'s own.')
param schedule object = {
  NUDGE_HOUR: '9'
  NUDGE_DAYS_BEFORE: '14'
  NUDGE_STALE_DAYS: '30'
  DIGEST_DAY: 'monday'
  DIGEST_HOUR: '8'
  CHANNEL_HOUR: '8'
  CHANNEL_DAYS_BEFORE_MEETING: '5'
  ESCALATE_DAYS: '28'
  JOBS_MAX_PER_RUN: '5000'
}

@description('Bot Connector URL for starting a chat with someone the bot has not talked to yet (TEAMS_SERVICE_URL). The public Teams service is right for most councils; government clouds use their own.')
param teamsServiceUrl string = 'https://smba.trafficmanager.net/teams/'

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
@description('Level of the JSON logs: LOG_LEVEL.')
param logLevel string = 'info'

// Storage account names are 3-24 lower-case letters and digits, unique across Azure.
var storageName = take('${replace(toLower(resourceBaseName), '-', '')}${uniqueString(resourceGroup().id)}', 24)

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      // The in-process scheduler and proactive messages need the app awake at all times.
      alwaysOn: true
      healthCheckPath: '/healthz'
      appCommandLine: 'node bin/start.js'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union({
    MicrosoftAppId: botAppId
    MicrosoftAppPassword: botAppPassword
    MicrosoftAppTenantId: botAppTenantId
    MicrosoftAppType: botAppType
    TABLES_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    TABLE_PREFIX: tablePrefix
    JOBS_SECRET: jobsSecret
    TIMEZONE: timezone
    ADMIN_CONTACT: adminContact
    TEAMS_SERVICE_URL: teamsServiceUrl
    // Requests and shutdown: the bot's own defaults, listed so operators see and can change them.
    BODY_TIMEOUT_SECONDS: '20'
    SHUTDOWN_DEADLINE_SECONDS: '10'
    MAX_TURNS_IN_FLIGHT: '64'
    // Files admins send the bot to import: size, download time, redirects, preview lifetime.
    FILE_MAX_MB: '20'
    FILE_DOWNLOAD_SECONDS: '8'
    FILE_MAX_REDIRECTS: '3'
    PREVIEW_HOURS: '24'
    SCHEDULER: scheduler ? 'true' : 'false'
    LOG_LEVEL: logLevel
    // App Service sets PORT; the bot must listen on every interface to receive it.
    HOST: '0.0.0.0'
    // The zip holds the built app and its node_modules, so App Service runs it as it is.
    // (WEBSITE_NODE_DEFAULT_VERSION only applies on Windows; linuxFxVersion picks Node here.)
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    WEBSITE_RUN_FROM_PACKAGE: '1'
  }, schedule)
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'SingleTenant' ? botAppTenantId : ''
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// The toolkit writes these outputs into env/.env.<environment>; docs/deploy.md uses them too.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output WEB_APP_NAME string = webApp.name
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}/api/messages'
output STORAGE_ACCOUNT_NAME string = storage.name
