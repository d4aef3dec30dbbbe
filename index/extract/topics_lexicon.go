package extract

// topicLexicon is the vocabulary of each IPTC top-level Media Topic: general
// news words, written for this project from general knowledge, no names of
// people. Each line is "weight: words"; weights run from 0.5 (a hint that
// many stories share) to 3 (a word that on its own says what the story is
// about). Words are lower case ASCII; "_" joins a two-word phrase, which
// replaces its two words' own weights where it occurs ("air_strike" is war,
// not a labour dispute; "heart_attack" is health, not war); "!" after a word
// stops the regular inflections that buildTopicIndex otherwise adds (plural,
// -ed, -ing), for words whose inflections mean something else ("fire!" must
// not make "fired"). Irregular forms are listed where they matter. A word
// may serve several labels, with its own weight in each.
var topicLexicon = []topicLexiconEntry{
	{"arts, culture, entertainment and media", `
3: film movie cinema filmmaker film_maker screenplay screenwriter hollywood bollywood oscar bafta grammy emmy
3: golden_globe box_office album singer songwriter rapper guitarist drummer bassist vocalist musician
3: orchestra symphony opera ballet choreographer choreography theatre theater playwright novelist poet
3: poetry poem literature literary bestseller bestselling paperback museum sculptor sculpture painter
3: artwork curator documentary sitcom soap_opera blockbuster sequel prequel soundtrack lyrics jazz hip_hop
3: rap reggae comedian entertainment showbiz actor actress song sang! sung! music concert premiere
3: rock_band pop_star pop_music pop_group boy_band girl_band record_label film_festival box_set
3: talent_show reality_tv reality_show red_carpet west_end broadway brit_awards biopic cinematic pianist
3: singles_chart album_chart download_chart indie stadium_tour farewell_tour world_tour concert_tour new_album final_album violinist cellist composer opera_house art_gallery arthouse screenings entertainer
2.5: band artist art arts artistic painting exhibition gallery galleries fiction memoir biography musical
2.5: comedy comedies cartoon cartoonist broadcaster broadcasting presenter viewers filming singing dance
2.5: dancing dancer performer critic festival starring starred celebrity photographer photography
2.5: acclaimed orchestral hit_single debut_album nominations
2: novel author! authors! drama dramas animation animated television tv radio journalism journalist
2: newspaper tabloid magazine culture studio nominated nominee book books publisher publishing media
2: press_freedom episode channel broadcast audience award prize nomination pop chart charts top_ten
2: streaming podcast cd vinyl remix columnist newsroom free_speech comic auction auctioneer
2: manuscript record_company music_industry film_industry entertainment_industry writer love_story
2: premiered sings heritage exhibit genre
1.5: critics cultural directed director producer producers rock folk tour touring editor reporter
1.5: commentator anchor star franchise screen channels ratings cast casting character ceremony
1.5: thriller horror icon iconic legendary portrayal portrays audition costume script conductor
1: show! stage staged role story stories plot scene performance performed producing series programme
1: headline video classic listeners
1.5: dvd
0.5: shows hit hits released release original
3: supporting_actor supporting_actress best_actor best_actress best_film best_director
2.5: remake acting dj
2: soap adaptation
1.5: tale featuring
1: category epic topped label acts mainstream
`},
	{"conflict, war and peace", `
3: war warfare troops soldier army armies military militia rebel insurgent insurgency militant militants
3: ceasefire cease_fire truce armistice peacekeeping peace_keeping peacekeeper peacekeepers airstrike
3: air_strike drone_strike missile_strike military_strike shelling artillery missile bombardment invasion
3: invade counteroffensive frontline front_line battlefield warplane fighter_jet gunfire jihadist jihad
3: terrorism terrorist suicide_bomber suicide_bombing suicide_attack car_bomb roadside_bomb
3: nuclear_weapon chemical_weapons ammunition munitions genocide war_crime war_crimes atrocities
3: ethnic_cleansing peace_talks peace_deal peace_agreement peace_process peace_plan peace_treaty
3: peace_accord hostilities armed_forces air_force air_defence air_defense brigade battalion regiment
3: platoon infantry paratroopers commandos special_forces navy naval marines warship submarine sniper
3: guerrilla landmine disarmament rearmament conscription defence_secretary defence_minister
3: defense_secretary war_zone warring belligerent mercenary mercenaries paramilitary paramilitaries
3: cluster_bomb cold_war cruise_missile explosive_device peace_force security_guarantee air_raid
2.5: bombing bomb explosives weapon arms_embargo arms_race wartime postwar pre_war civilians
2.5: civilian_casualties hostage captives massacre siege besieged coup junta pentagon nato commander
2.5: security_forces humanitarian_corridor refugee_camp clashes clashed rocket_attack drone_attack
2.5: missile_attack terror_attack mobilisation mobilization defence_ministry defense_ministry war_torn
2.5: escalation de_escalation annexed annexation occupying_forces occupied_territory tank_battle
2: peace conflict wounded casualties displaced fighting fought! armed intercepted retreat surrender
2: hostile enemy enemies ally allies alliance warheads nuclear_arsenal ballistic extremist
2: extremism radicalised radicalized overthrow stalemate bunker trenches shell shells raid raids
2: nuclear_programme nuclear_program spy spies espionage intelligence_services combat offensive fighters
2: occupation deployment deploy veterans
1.5: defence defense attack! attacks attacked strike strikes killed explosion blast battle battles tank tanks drone rocket
1.5: rockets retaliation retaliate kidnapped abducted islamist refugees
1: struck! security! threat threats tension tensions regime clash death_toll victims aid! humanitarian
1: deaths dead killing border
`},
	{"crime, law and justice", `
2.5: police policing
3: policeman policemen policewoman detective arrest murder murderer homicide manslaughter stabbing
3: gunman robbery robber burglary burglar theft thief thieves stolen stole! steal embezzlement bribery
3: money_laundering laundering trafficking trafficker smuggling smuggler gang gangster mafia assault rape
3: rapist kidnap kidnapper abduction crime criminal offender jury juror verdict guilty acquitted acquittal
3: convicted conviction jail imprisonment imprison inmate parole probation prosecutor prosecution
3: prosecute defendant plaintiff courtroom forensic vandalism arson arsonist shoplifting extradition
3: extradite law_enforcement death_penalty capital_punishment knife_crime gun_crime hate_crime
3: high_court crown_court magistrate criminal_charges pleaded_guilty pleaded_not pleads_guilty pleaded
3: suspects fraudster drug_dealer drug_dealing drug_trafficking drug_gang cartel police_officer
3: on_trial jail_sentence prison_sentence life_sentence custodial remanded sentencing indicted
3: indictment misdemeanour felony murder_trial criminal_court supreme_court prison prisoner
2.5: suspect fraud fraudulent scam scammer corruption corrupt bribe lawyer attorney barrister
2.5: solicitor_general judicial
2: lawsuit sue litigation
2: court tribunal trial testify testimony
2.5: custody investigators crime_scene killer shot_dead gunmen unlawful unlawfully riot rioter looting
2.5: looter domestic_violence domestic_abuse child_abuse sexual_abuse sexual_assault harassment
2.5: stalking fbi interpol offence offense legal_action court_case court_ruling jailing raided
2.5: contraband counterfeit police_force copyright_infringement infringement cybercrime justice_system
2.5: criminal_justice bail
2: charged charges judge judges witness shooting illegal illegally warrant fined kidnapped abducted
2: justice_secretary attorney_general
1.5: drugs
1.5: justice ruling
1: law legal hearing inquiry investigation abuse victim victims suspected
1.5: solicitor fines misconduct patrol crackdown raid copyright piracy hacking hacker convict
1.5: officers detained detention deported seized seizure trials
1: damages appeal appeals evidence alleged allegedly accused accusing penalty killed killing banned ban
0.5: laws
2: qc
1.5: detainees
1: illicit
`},
	{"disaster, accident and emergency incident", `
3: earthquake quake tremor aftershock tsunami volcano volcanoes volcanic eruption erupted landslide
3: mudslide avalanche wildfire bushfire forest_fire blaze firefighter fire_brigade fire_crews fire_service
3: fire_fighters plane_crash car_crash air_crash helicopter_crash train_crash bus_crash road_accident
3: car_accident traffic_accident derailed derailment capsized shipwreck drowned drowning disaster
3: death_toll emergency_services paramedic rescuers rescue_workers rescue_teams evacuated evacuation
3: evacuees rubble wreckage emergency_landing pile_up sinkhole stampede coastguard coast_guard lifeboat
3: gas_leak gas_explosion chemical_spill oil_spill building_collapse mine_collapse catastrophe
3: catastrophic survivors humanitarian_crisis disaster_relief natural_disaster flash_flood floodwaters
3: flood_waters famine fatalities fatally
2.5: flood flooding flooded fire_broke burning_building explosion accident accidental accidentally
2.5: collision collided sank sinking trapped aid_agencies relief_effort relief_workers missing_people
3: hurricane typhoon cyclone tornado tornadoes emergency_shelter rescue_crews
2.5: devastation inferno storm_damage debris survivor blast
2: landfall storm_surge
1: roofs
2: fire! fires! emergency rescue rescued casualty casualties ambulance hazard hazardous evacuate toll
2: crash crashed crashes devastated destroyed drought power_cut power_outage blackout outage red_cross
2: humanitarian homes_destroyed injured
1.5: injuries damage! damaged survived collapse collapsed aftermath died killed dead deaths tragedy
1.5: tragic
1: death victims missing leak! relief aid! warning alert
`},
	{"economy, business and finance", `
3: economy economic economically economist gdp inflation deflation recession interest_rate
3: central_bank monetary investor shareholder stock_market stock_exchange stockmarket dividend profit
3: profitable revenue earnings tariff currency currencies exchange_rate yen merger takeover ceo
3: chief_executive quarterly bankruptcy bankrupt insolvency liquidation creditor bailout wall_street
3: nasdaq dow_jones ftse nikkei hedge_fund ipo flotation subsidiary retailer car_maker carmaker
3: automaker drugmaker credit_rating imf world_bank wto oecd opec trade_deficit trade_surplus
3: current_account housing_market house_prices consumer_spending retail_sales consumer_confidence
3: economic_growth growth_rate rate_rise rate_cut rate_hike share_price stock_price market_share
3: pre_tax bond_yields bond_market oil_price crude commodity commodities barrel chief_financial
3: finance_director venture_capital private_equity profit_warning turnover conglomerate multinational
3: asset_management takeover_bid buyout net_profit net_income net_loss blue_chip hostile_takeover
3: hostile_bid rescue_deal rescue_package bail_out tax_relief price_cap
2.5: bank banking banker finance financial fiscal investment invest shares stock equity equities
2.5: trading trader exports export exporter imports import importer dollar euro sterling firm firms
2.5: business businesses corporate corporation manufacturing manufacturer debt borrowing loan lending
2.5: lender mortgage insurer insurance valuation acquisition acquire deficit surplus budget_deficit
2.5: analyst entrepreneur supermarket boardroom sector cost_cutting restructuring subsidy subsidies
2.5: tax_rise tax_cut vat antitrust monopoly competition_commission productivity jobs_market job_cuts
2.5: privatisation privatization nationalisation cash_flow balance_sheet airline
2: company companies industry consumer consumers chairman regulator bonds market markets sales
2: trade trade_deal trade_talks customer client brand products product profits_rose output growth
2: demand! supply supplier spending fund funding pension asset capital tax taxation income wealth
2: wealthy billion bn energy_prices energy_firm retail retailing shop shoppers aviation shipping
2: logistics telecoms pharmaceutical treasury budget slump downturn boom agriculture agricultural
2: startup insolvent merchant wholesale steel percentage_points
1.5: sold! sell buy buying bought! price pricing cost costs deal deals executive valued stake
1.5: forecast premium property real_estate store stores chain operator mining miner rally gas
1.5: oil energy money cash spend spent! jobs employment unemployment wages salary rent landlord securities
1.5: farming farmers loss losses exporting importing outlets interest! credit
1: million launch launched owner owners owned buyers sellers worth rival rivals contract contracts
1: factory factories plant plants production produce! gold silver percent per_cent board chief
1: bid offer! offers rate rates
3: federal_reserve trillion yuan slowdown plc
2.5: corp holdings consortium savings accounting
2: sluggish pence
1.5: gains outlook consumption goods consolidation transactions inc ltd
1: expansion recovery construction filing purchase carrier sharply weaker gross audit index
0.5: stakes rose fell
`},
	{"education", `
3: school schooling pupil student teacher teaching classroom university universities tuition
3: tuition_fee exam examination gcse a_level curriculum syllabus headteacher head_teacher headmaster
3: headmistress kindergarten preschool primary_school secondary_school high_school undergraduate
3: postgraduate literacy numeracy education educational educator ofsted schoolchildren schoolboy
3: schoolgirl enrolment enrollment enrol enroll truancy homework textbook phd doctorate semester
3: vocational student_loan lecturer education_secretary education_minister school_year school_board
3: further_education higher_education college_students university_students grammar_school
3: comprehensive_school faith_school teaching_assistant class_sizes exam_results tutor tutoring
3: scholarship
2.5: campus academic graduates graduate graduation bursary learners taught! teach
2.5: dissertation thesis alumni
2: college degree lesson classes dropout apprenticeship nursery exam_board school_meals
2: school_leavers early_years learning professor dean faculty qualifications students_union
2: teaching_union
1.5: academy qualification
1: study studying grade test tests training skills
0.5: class
`},
	{"environment", `
3: environmental environmentalist climate_change global_warming greenhouse greenhouse_gas carbon_dioxide
3: co2 methane pollution pollutant polluted polluting polluter air_quality renewable renewables
3: renewable_energy wind_farm wind_power wind_turbine fossil_fuel deforestation rainforest biodiversity
3: ecosystem conservationist landfill sea_level glacier ice_sheet ozone net_zero decarbonise
3: decarbonisation decarbonize decarbonization clean_energy paris_agreement kyoto_protocol overfishing
3: wetlands ecological ecology ecologist habitat endangered_species emissions_targets carbon_emissions
3: emission_cuts climate_crisis climate_action climate_targets extinction solar_power solar_panel
3: solar_farm green_energy environment_secretary environment_minister environment_agency
3: plastic_waste plastic_pollution poaching poacher coral_reef whaling nature_reserve national_park
2.5: environment climate emission emissions carbon endangered conservation wildlife species recycling
2.5: recycle recycled sustainable sustainability pesticide contamination contaminated coral reef arctic
2.5: antarctic ivory whale extinct eco green_groups electric_vehicle electric_car energy_efficiency
2.5: deforested biofuel nuclear_power climate_scientist
2: waste toxic melting coal ocean oceans marine forest forests greens solar wind_energy logging plastic
2: animals biodiversity_loss drought flooding_risk water_supply energy_use polar farmland soil rewilding
1.5: green nature natural_habitat river rivers trees tree planting organic
1: natural energy fishing farming water
0.5: land
`},
	{"health", `
3: health healthcare health_care hospital hospitalised hospitalized patient doctor nurse surgeon surgery
3: surgical physician gp clinic clinical clinical_trial medical medicine medication prescription
3: pharmacy pharmacist vaccine vaccination vaccinate immunisation immunization disease illness
3: infection infected infectious outbreak epidemic pandemic cancer tumour tumor diabetes obesity obese
3: heart_disease heart_attack dementia alzheimer asthma hiv malaria tuberculosis cholera measles polio
3: ebola influenza covid coronavirus symptom diagnosis diagnosed diagnose therapy therapies therapist
3: mental_health nhs health_service waiting_list care_home transplant midwife midwives antibiotic
3: antiviral immune allergy allergies cardiac chronic dental dentist quarantine epidemiologist
3: public_health health_secretary health_minister world_health health_officials bird_flu swine_flu
3: flu_vaccine life_expectancy blood_pressure cholesterol pregnancy pregnant maternity ivf
3: infant_mortality medics paediatric pediatric psychiatric psychiatrist side_effects hospital_beds
3: intensive_care nursing_home
2.5: drug_trial bacteria bacterial flu nursing sick sickness mortality smoking smokers tobacco cigarette
2.5: alcohol_abuse binge_drinking overdose addiction addicted nutrition contraception abortion
2.5: fertility medic ambulance_service organ_donor blood_test screening_programme hygiene sanitation
2.5: lockdown infection_rate lung lungs kidney liver brain_damage healthy_eating wellbeing well_being
2.5: pharmaceuticals drugs_company medically painkiller
2: aids virus viruses treatment treated_for ill ill_health drug drugs pill pills jab disability mental
2: dose doses scan scans births calories death_rate
1.5: care carers ward wards stroke depression anxiety suicide blood brain organ injury injuries
1.5: diet exercise
1: treated cure cured health_risk heart! fitness study
0.5: risk risks
`},
	{"human interest", `
3: birthday centenarian heartwarming kitten puppy puppies reunited reunion lottery_winner jackpot
3: long_lost 100th_birthday golden_wedding wedding_anniversary oldest_person royal_wedding royal_baby
3: obituary obituaries quirky eccentric
2.5: anniversary centenary wedding bride bridegroom groom honeymoon pet zoo panda twins triplets
2.5: coronation jubilee kindness bizarre oddball celebrity_couple good_samaritan fundraiser heroic
2.5: bravery royals royal_family
2: royal monarch monarchy queen king prince princess duke duchess dog cat animal elephant zookeeper
2: newborn baby_boy baby_girl grandmother grandfather grandparents grandson granddaughter lottery
2: great_grandmother funeral mourners treasure stranger collector santa costume dressed_as fundraising
2: charity_walk miracle
1.5: palace hero tribute celebrate celebration world_record guinness tallest oldest youngest viral
1.5: baby babies memories remembered
1: family families married marry marriage engaged mother father mum dad daughter son village villagers
1: fame famous surprise! lucky luck proud remarkable incredible amazing celebrity celebrities
`},
	{"labour", `
3: labor trade_union trade_unionist labor_union unionised unionized strikers walkout walk_out walked_out
3: industrial_action picket picketing picket_line workforce redundancy redundancies laid_off layoff
3: lay_off job_cuts job_losses minimum_wage living_wage pay_rise pay_deal pay_dispute pay_claim
3: pay_offer pay_freeze pay_cut working_hours work_hours zero_hours collective_bargaining tuc acas
3: gig_economy working_conditions labour_market labor_market labour_law labor_law labour_shortage
3: labor_shortage labour_dispute labor_dispute labour_costs labor_costs labour_rights labor_rights
3: workers_rights employment_tribunal union_leader union_members union_member union_official
3: union_boss strike_action general_strike on_strike strike_ballot strike_vote national_strike
3: staff_shortages child_labour child_labor forced_labour forced_labor sick_pay sick_leave
3: maternity_leave paternity_leave parental_leave unemployment_benefit jobseekers jobless
3: joblessness unemployment_rate employment_rate jobless_rate retirement_age pension_age overtime_ban
3: remote_working wage_growth wage_rise wage_increase balloted
2.5: worker workers employee employees employer employment unemployment unemployed wage wages
2.5: understaffed workplace occupational apprentices unskilled migrant_workers stoppage hiring
2.5: recruitment vacancies job_security payroll freelancers freelance casual_workers
2: union unions strike strikes salary salaries staffing
1.5: jobs job pension pensions retirement staff recruit hired hire sacked dispute arbitration
1.5: mediation apprentice apprenticeship skills skilled negotiators dismissal
1: ballot contract contracts shift shifts training career fired dismissed striking work! working
1: worked hours benefits pay
0.5: labour
`},
	{"lifestyle and leisure", `
3: tourism tourist holidaymaker vacation resorts sightseeing backpacking recipe cuisine chef baking
3: cocktail vegetarian vegan fashion! fashions catwalk fashion_week fashion_designer hairstyle gardening gardener
3: interior_design home_decor diy hobby hobbies leisure pastime yoga camping lifestyle wellness picnic
3: barbecue gourmet foodie michelin nightlife theme_park crossword horoscope astrology home_improvement
3: package_holiday travel_industry weekend_break city_break road_trip wine_tasting fine_dining
3: food_lovers gastronomy online_dating dating_app
2.5: travel travelling traveling traveller traveler holiday cruise beach destination restaurant
2.5: dish dishes meal dining diner cafe bakery cake wine winery beer brewery cider menu ingredient
2.5: flavour flavor tasting clothing clothes makeup skincare garden workout jogging outdoors spa
2.5: parenting festive amusement rollercoaster board_games motoring classic_car antique fashionable
2.5: trendy wardrobe jewellery jewelry perfume handbag hiking hiker
2: resort hotel food foods coffee dress dresses designer beauty cosmetics skiing shopping luxury toy
2: furniture chocolate summer_holidays
1.5: cook cooks cooking style fitness gym relaxation relax relaxing puzzle vintage homeowners trip
1.5: visitors tea dinner lunch breakfast christmas
1: dating trend trends weekend weekends bar bars pub pubs fun enjoy enjoying enjoyed
`},
	{"politics", `
3: politics political politically politician ministerial prime_minister presidential presidency
3: parliament parliamentary mp mps lawmaker legislator legislature legislative senate senator
3: congress congressional congressman congresswoman election electoral electorate voter opinion_poll
3: candidacy cabinet reshuffle home_secretary foreign_secretary foreign_minister foreign_office
3: foreign_policy diplomat diplomatic diplomacy bilateral multilateral democrat republican tory tories
3: lib_dem liberal_democrats manifesto constituency constituencies constituents referendum mayoral
3: councillor downing_street whitehall white_house kremlin impeachment impeach veto backbench
3: backbencher frontbench hustings canvassing polling_day polling_station general_election
3: by_election midterm midterms primaries caucus partisan bipartisan filibuster opposition_leader
3: shadow_chancellor shadow_home shadow_foreign shadow_cabinet party_leader labour_party labour_leader
3: labour_government labour_mp conservative_party conservative_leader liberal_party green_party
3: ruling_party state_visit foreign_affairs geopolitical secretary_general security_council
3: un_security european_commission european_parliament eu_leaders eu_membership civil_service
3: civil_servant id_card identity_card spin_doctor campaign_trail election_campaign political_party
3: political_parties deputy_prime peace_summit eu_summit nato_summit g7 g8 g20
1.5: peace_talks peace_deal peace_agreement peace_process peace_plan peace_treaty peace_accord
3: government governments governmental minister ministers home_office
2.5: ministry shadow democracy democratic vote voted
2.5: voting ballot polling polls elected elect liberal liberals
3: conservative conservatives labour
2.5: socialist communist nationalist populist far_right far_left left_wing right_wing centre_left
2.5: centre_right mayor municipal westminster commons
3: lords constitution constitutional amendment
2.5: legislation lobbying lobbyist dictator dictatorship authoritarian autocrat autocratic sovereignty
2.5: separatist secession independence_referendum inauguration inaugurated sworn_in incumbent
3: summit
2.5: embassy envoy treaty sanctions coalition_government coalition_partners
2.5: opposition_parties rebel_mps chancellor eu european_union united_nations un nato taxpayer
2.5: public_spending public_services spending_plans pre_budget budget asylum immigration
2.5: immigration_policy border_control deportation citizenship protesters protestors
2.5: demonstrators human_rights civil_liberties
2: president presidents governor premier policy policies candidate leader leaders debate regime
2.5: peers party parties
2: ambassador federal governing protest protests petition pledge pledged declaration accord!
2: resign resigned resignation think_tank soviet_union state_department defence_policy
2: visa migrants immigrants border welfare pensioners
1.5: tax opposition coalition leadership campaign campaigning campaigner reform reforms
2: talks negotiations
1.5: bill negotiate negotiated negotiating scandal council lobby activists
1.5: regulation signing_ceremony allies
1: bills whip rally rallies sleaze
2: seats assembly
1.5: secretary committee
1: convention commissioner proposals rift departments unity deputy liberty opposed agenda
0.5: spokesman spokeswoman official officials state states nation national country countries public
0.5: law laws plan plans power powers issue! rights freedom
`},
	{"religion", `
3: religion religious faiths believers church cathedral mosque synagogue monastery monk nun pope papal
3: vatican bishop archbishop priest priesthood clergy clergyman clergymen cleric imam rabbi pastor vicar
3: preacher evangelical evangelist christian christianity catholic catholicism protestant anglican
3: muslim islam islamic jewish jew jews judaism hindu hinduism buddhist buddhism sikh sikhism atheist
3: atheism prayer pray prayed praying worship worshipper worshiper congregation parish diocese sermon
3: bible biblical quran koran torah scripture theology theologian pilgrim pilgrimage ramadan eid diwali
3: hanukkah passover blasphemy heresy missionary missionaries baptism baptised baptized ordination
3: ordained synod apostle interfaith ecumenical creationism spirituality halal kosher hijab burka burqa
3: sharia fatwa faith_leaders religious_leaders holy_see religious_freedom
2.5: faith temple shrine sacred secular sect sectarian spiritual communion messiah allah chaplain
2.5: mystic deity
2: god gods divine holy cardinal cardinals orthodox chapel islamist antisemitism islamophobia
2: headscarf headscarves salvation worshipped
1.5: saint saints heaven sin sins faithful veil choir denomination
1: easter belief beliefs soul souls convert
0.5: christmas
`},
	{"science and technology", `
3: science sciences scientific scientist physics physicist chemistry chemist biology biologist
3: astronomy astronomer astrophysics cosmology spacecraft space_station astronaut nasa telescope
3: galaxy galaxies asteroid comet black_hole quantum molecule molecular genome genomic stem_cell
3: dinosaur archaeology archaeologist archaeological mathematics mathematician technology
3: technologies technological tech hi_tech high_tech computer computing software algorithm ai
3: artificial_intelligence machine_learning robot robotic robotics internet broadband wireless wi_fi
3: wifi cloud_computing gadget smartphone mobile_phone handset cellphone laptop microchip semiconductor
3: processor chipmaker apps hacker cyber cyberattack cyber_attack cybersecurity cyber_security malware
3: spyware spam spammer phishing firewall encryption encrypted browser search_engine gamers console
3: multiplayer virtual_reality 3g 4g 5g operating_system open_source silicon_valley nanotechnology
3: biotech biotechnology gigabyte megabyte terabyte megapixel bandwidth touchscreen voip isp
3: internet_service net_users web_users online_users digital_camera file_sharing filesharing peer_to
3: p2p mp3 video_game videogame games_console computer_virus computer_game web_page webpage
3: dvd_player dvd_recorder high_definition hd digital_tv digital_music music_player portable_player tech_firm
3: technology_firm self_driving laboratory scientific_research space_agency orbit orbiting orbital
3: lunar rover particle peer_reviewed evolutionary cloning cloned genetically genetic_engineering
3: genes gene genetic genetics climate_model palaeontologist paleontologist biometric biometrics
3: user_interface hard_drive flash_memory digital_rights text_message text_messaging texting sms
3: instant_messaging social_networking social_network software_developer programmer
3: programming_language coding
2.5: experiment experimental laboratories lab fossil embryo dna satellite planet planetary interface
2.5: researcher research_team innovation innovations invention inventor patent prototype electronic
3: digital digitally
2.5: electronics web networking server database hardware silicon download upload
2.5: hacking hacked tablet battery wearable podcast social_media telecoms telecommunications 3d blog
2.5: blogger blogging app
2.5: online mobile mobiles phone phones device devices
2: research engineering engineer data data_centre
2.5: users user gaming
2: chip chips virtual email emails e_mail
2.5: website websites web_site web_sites
2: virus viruses worm worms security_firm
2: automation automated study_published findings discovery moon mars atom atomic evolution pc
2: new_technology electric_car electric_vehicle satellite_tv drones
1.5: study studies studied space rocket rockets upgrade glitch bug bugs version versions memory
1.5: storage pixel pixels camera cameras cell cells program programs code drone
1.5: developer developers screen screens innovative
1.5: games video
1: test tested testing launch technical signal display television tv machine machines
1: network networks
3: multimedia handheld dial_up dot_com ringtone bluetooth instant_messenger
2.5: graphics messaging
2: interactive audio malicious click com! recorder
2: microsoft google intel ibm nokia samsung nvidia openai linux iphone ipod ipad playstation xbox nintendo
1.5: portable install installed files processing applications subscribers communications sites provider
1.5: format formats
1: images speeds connected connection connections update updates updated content file subscription
1: automatically windows
1: net game
0.5: system systems
`},
	{"society", `
3: societal homeless homelessness food_bank inequality inequalities discrimination racism racist racial
3: feminism feminist sexism sexist misogyny lgbt lgbtq lesbian transgender same_sex gay_marriage
3: civil_partnership childcare child_poverty demographic demographics census birth_rate multicultural
3: multiculturalism volunteering social_worker social_services social_care affordable_housing
3: social_housing council_housing social_mobility working_class middle_class wealth_gap universal_credit
3: welfare_state rough_sleeper rough_sleeping deprivation deprived underprivileged marginalised
3: marginalized stereotype prejudice antisocial anti_social honour_killing forced_marriage
3: modern_slavery human_trafficking asylum_seeker refugee_status gender_equality gender_gap equal_pay
3: civil_rights disability_rights elderly_people older_people young_people child_protection
3: social_exclusion caste indigenous_people aboriginal poverty
2.5: welfare_benefits benefits_system equality gender ethnic ethnicity minority minorities elderly
2.5: pensioner ageing aging charity charities charitable volunteer nonprofit non_profit ngo gay gays
2.5: divorce migration migrant orphan orphanage domestic_violence domestic_abuse child_abuse addiction
2.5: drug_abuse alcoholism gambling antisemitism islamophobia hate_crime racially millennials disabled
2.5: disability
2: population diversity inclusion housing trans refugee refugees vulnerable slum shelter indigenous
2: tribe community_groups community_leaders social_problems social_issues teenagers teenage youth
2: youths immigration asylum migrants immigrants
1.5: social society community communities marriage poor parents adoption protest protests donation
1.5: donor dignity integration
1: family families children child women girls activist activists activism rights benefits
1: residents equal generation neighbourhood neighborhood
0.5: young
`},
	{"sport", `
3: sport sporting sportsman sportsmen sportswoman football footballer soccer cricket cricketer rugby
3: tennis golf golfer athletics athlete boxing boxer olympic olympics olympian paralympic paralympics
3: world_cup striker midfielder goalkeeper winger teammate premiership premier_league semi_final
3: quarter_final tournament stadium referee umpire free_kick scorer equaliser equalizer unbeaten
3: relegation relegated fixture hamstring wicket innings batsman batsmen batting bowler bowling
3: test_match test_series scrum lineout fly_half scrum_half six_nations grand_slam wimbledon grand_prix
3: formula_one f1 pole_position podium sprinter relay medal medallist gold_medal silver_medal
3: bronze_medal personal_best world_champion doping anti_doping nba nfl nhl fifa uefa ioc baseball
3: basketball hockey ice_hockey volleyball handball snooker darts horse_racing jockey racehorse
3: equestrian motorsport skier snowboard snowboarding skating ice_skating skater wrestling wrestler judo
3: karate taekwondo rowing rower triathlon gymnastics gymnast archery badminton squash table_tennis
3: half_time halftime extra_time injury_time stoppage_time touchdown quarterback home_run captaincy
3: gaffer hat_trick clean_sheet offside crossbar heavyweight middleweight welterweight ufc set_point
3: match_point break_point tiebreak tie_break deuce backhand forehand trophy silverware qualifier
3: group_stage knockout_stage playoff play_off commonwealth_games rugby_league rugby_union flanker
3: touchline spinner team_mate league_title cup_final fa_cup champions_league world_title
3: penalty_shootout penalty_kick goal_difference away_goals home_side away_side first_leg second_leg
3: test_cricket twenty20 t20 run_chase centre_back full_back kick_off ligament cruciate sprint_title
3: athletics_championships cross_country league_leaders internationals
3: olympic_games
2.5: matches goals coach coaching squad league championship championships cup finals scored header
2.5: derby transfer_window transfer_fee try_line ankle groin sidelined racing sprint
2.5: marathon lap ashes seeded volley cyclist cycling swimmer swimming knockout skipper selector
2.5: call_up opener spectators midfield winning_goal own_goal injury_crisis title_race title_bid
2.5: top_flight second_tier promotion_race away_win home_win substitute beaten
1.5: game
2: match team teams goal season player champion club fans penalty penalties injury races hurdles
3: on_loan loan_spell loan_move new_signing
2: bout sailing captain capped defender forwards fitness training_ground training_camp
2: loan_deal thrashed thrashing walkover semi semis
1.5: win wins beat beats score scores kick kicked pitch pitches title titles transfer transfers
1.5: comeback triumph triumphed qualify qualified qualifying qualification ranking_points crowd fan
1.5: race supporters victory defeat defeated final rankings ranked ranking seed seeds caps points
1: games
1: tour
3: tour_de
1: bid signing
1: won! lose losing lost! draw draws drew! manager boss tackle tackles pace injured round rounds
1: play played playing strike fit test tests career drugs banned ban
3: drug_test drugs_test banned_substance steroid steroids wada
0.5: record! point! opening lead! international forward tries
`},
	{"weather", `
3: weather forecaster meteorologist meteorological met_office rainfall raining rainy downpour drizzle
3: snow snowfall snowstorm snowy sleet hailstorm hailstones frosty fog foggy windy gust gale
3: thunderstorm heatwave heat_wave heatwaves celsius fahrenheit humidity humid overcast wettest driest
3: coldest hottest_day weather_warning amber_warning yellow_warning red_warning blizzard flurries
3: el_nino la_nina jet_stream cold_front warm_front freezing_rain tropical_storm landfall storm_surge
3: snowplough gritters gritting heavy_rain heavy_snow high_winds strong_winds cold_snap cold_weather
3: hot_weather dry_spell record_temperatures severe_weather weather_forecast weather_service
2.5: rain rains showers frost tornado tornadoes hurricane typhoon cyclone monsoon temperature
2.5: temperatures chilly icy sunshine sunny cloudy winds degrees_celsius warmest coldest_night
2: storm storms stormy thunder lightning freezing hotter colder wet drought flood_warning pollen uv
2: mist thaw
1.5: wind cold heat! ice cloud clouds mild forecast forecasts
1: warm warmer dry umbrella winter summer autumn climate degrees
0.5: spring sun
`},
}
