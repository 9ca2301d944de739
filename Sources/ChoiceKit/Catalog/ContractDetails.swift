/// A publicly bought service citizens do not choose between (waste, probation, employment support):
/// shown as who buys it and who delivers it.
public struct ContractDetails: Hashable, Sendable {
    /// Id of the service in the manifest (`waste`, `probation`, `employment`).
    public var serviceID: String
    /// The catalog's `sub_type`: "Household waste collection".
    public var serviceDescription: String
    public var contractName: String?
    public var start: CalendarDate?
    public var end: CalendarDate?
    /// Total contract value where it is public.
    public var value: Money?
    public var valueNote: String?
    /// What a resident may buy on top privately, e.g. "Garden waste collection: £52 a year".
    public var privateExtras: [String]
    public var citizenNote: String?

    public init(serviceID: String, serviceDescription: String, contractName: String?, start: CalendarDate?,
                end: CalendarDate?, value: Money?, valueNote: String?, privateExtras: [String], citizenNote: String?) {
        self.serviceID = serviceID
        self.serviceDescription = serviceDescription
        self.contractName = contractName
        self.start = start
        self.end = end
        self.value = value
        self.valueNote = valueNote
        self.privateExtras = privateExtras
        self.citizenNote = citizenNote
    }
}
