extension ProviderRowDecoder {
    static let contractColumns = ContractColumnIDs(ContractColumns.layout)
    func decodeContract(_ row: inout RowDecoder) -> ContractDetails? {
        let description = row.requiredText(Self.contractColumns.subType, fix: "describe the service, e.g. Household waste collection")
        let service = row.requiredText(Self.contractColumns.service, fix: "name a service id from manifest.json, e.g. waste")
        if let service, context.services[service] != .other {
            let choices = MessageText.list(context.services.filter { $0.value == .other }.keys.sorted())
            row.problem("service", "\(MessageText.quoted(service)) is not one of the manifest's other services", "use one of \(choices)")
        }
        let start = row.date(Self.contractColumns.contractStart)
        let end = row.date(Self.contractColumns.contractEnd)
        if let start, let end, end < start {
            row.problem("contract_end", "\(end.iso) is before contract_start \(start.iso)", "check the dates")
        }
        let value = row.money(Self.contractColumns.contractValue)
        guard let description, let service else { return nil }
        return ContractDetails(
            serviceID: service, serviceDescription: description, contractName: row.text(Self.contractColumns.contractName),
            start: start, end: end, value: value, valueNote: row.text(Self.contractColumns.contractValueNote),
            privateExtras: row.sharedList(Self.contractColumns.privateExtras), citizenNote: row.text(Self.contractColumns.citizenNote))
    }
}
